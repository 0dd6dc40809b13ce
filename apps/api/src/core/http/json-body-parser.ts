import { ErrorCode } from '@fasto/contracts';
import { BadRequestException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { apiError } from '../errors/api-error';

/** No request the API takes nests deeper than a handful of levels; 32 leaves room without risk. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);

/** True when the JSON text opens more than `limit` nested objects or arrays: one pass over the characters, no parsing. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === BACKSLASH) index++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) inString = true;
    else if (OPENERS.has(char) && ++depth > limit) return true;
    else if (CLOSERS.has(char)) depth--;
  }
  return false;
}

/**
 * The JSON body parser of every route: a body nested deeper than MAX_JSON_DEPTH is refused with
 * 400 before it is parsed, so no later recursive walk (class-transformer, the validator) can
 * overflow the stack; anything else goes to Fastify's own parser (prototype-poisoning checks included).
 */
export function registerJsonBodyParser(instance: FastifyInstance): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new BadRequestException(apiError(ErrorCode.JsonTooDeep, `JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`)), undefined);
      return;
    }
    parse(request, body, done);
  });
}

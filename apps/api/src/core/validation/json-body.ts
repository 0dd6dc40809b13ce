import { ErrorCode, type FieldError } from '@fasto/contracts';
import { BadRequestException, type PipeTransform } from '@nestjs/common';
import Ajv, { type ErrorObject, type SchemaObject } from 'ajv';
import { isEmail, isISO8601, isUUID } from 'class-validator';
import { INVALID_UNICODE_MESSAGE } from '../errors/validation.pipe';
import { isCents } from './cents';

/** A body's verdict: the (trimmed) value, or the 400's code, headline and per-field messages. */
export type BodyVerdict<T> = { value: T; failure?: never } | { value?: never; failure: { code: ErrorCode; message: string; details?: FieldError[] } };

/** A compiled body schema: the verdict on a raw body, and the schema it applies. */
export type BodyCheck<T> = ((raw: unknown) => BodyVerdict<T>) & { readonly schema: SchemaObject };

/**
 * validator.js's checks (class-validator's, same options) as ajv formats, so that a schema accepts
 * exactly what the DTOs it replaced accepted. The e-mail check is the dearest one and a batch names
 * the same few agents item after item: its verdicts are remembered.
 */
function remembered(rule: (value: string) => boolean): (value: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (value) => {
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      if (verdicts.size >= 10_000) verdicts.clear();
      verdicts.set(value, (verdict = rule(value)));
    }
    return verdict;
  };
}

/** The formats and keywords the body schemas use, on `target` (ours below, or a test's that checks the documented examples). */
export function addBodyVocabulary(target: Ajv): Ajv {
  target.addFormat('uuid', { type: 'string', validate: remembered((value) => isUUID(value, 'all')) });
  target.addFormat('email', { type: 'string', validate: remembered((value) => isEmail(value)) });
  target.addFormat('iso8601', { type: 'string', validate: (value) => isISO8601(value, { strict: true }) });
  target.addFormat('cents', { type: 'number', validate: isCents });
  // `x-earliest`: an instant the runtime can read, not before the given one.
  target.addKeyword({
    keyword: 'x-earliest',
    type: 'string',
    schemaType: 'string',
    validate: (earliest: string, value: string) => Date.parse(value) >= Date.parse(earliest),
  });
  // `x-messages`: a field's own wording for a failed keyword (e.g. `{ pattern: '…' }`).
  target.addKeyword({ keyword: 'x-messages', schemaType: 'object' });
  // `x-trim`: documents the trim `checkerOf` applies before validating.
  target.addKeyword({ keyword: 'x-trim', schemaType: 'boolean' });
  return target;
}

// verbose: a failed keyword's error carries its schema, where `x-messages` is read.
const ajv = addBodyVocabulary(new Ajv({ allErrors: true, strict: true, unicodeRegExp: true, verbose: true }));
ajv.addKeyword('example');

const FORMAT_MESSAGES: Record<string, string> = {
  uuid: 'must be a UUID',
  email: 'must be an email',
  iso8601: 'must be a valid ISO 8601 date string',
  cents: 'must be a number with at most two decimal places',
};
const TYPE_MESSAGES: Record<string, string> = {
  string: 'must be a string',
  number: 'must be a number conforming to the specified constraints',
  boolean: 'must be a boolean value',
  array: 'must be an array',
  object: 'must be an object',
};

/** class-validator's wording of one failed keyword, so that n8n users read what they read before. */
function wordingOf(error: ErrorObject, field: string): string {
  const own = (error.parentSchema?.['x-messages'] as Record<string, string> | undefined)?.[error.keyword];
  if (own) return own;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `${field} ${TYPE_MESSAGES[String(params['type'])] ?? `must be ${String(params['type'])}`}`;
    case 'minLength':
      return `${field} must be longer than or equal to ${String(params['limit'])} characters`;
    case 'maxLength':
      return `${field} must be shorter than or equal to ${String(params['limit'])} characters`;
    case 'minimum':
      return `${field} must not be less than ${String(params['limit'])}`;
    case 'maximum':
      return `${field} must not be greater than ${String(params['limit'])}`;
    case 'multipleOf':
      return params['multipleOf'] === 1 ? `${field} must be an integer number` : `${field} must be a multiple of ${String(params['multipleOf'])}`;
    case 'enum':
      return `${field} must be one of the following values: ${(params['allowedValues'] as unknown[]).filter((value) => value !== null).join(', ')}`;
    case 'format':
      return `${field} ${FORMAT_MESSAGES[String(params['format'])] ?? `must match format ${String(params['format'])}`}`;
    case 'x-earliest':
      return `${field} must not be before ${String(error.schema).slice(0, 10)}`;
    case 'minItems':
      return `${field} must contain at least ${String(params['limit'])} elements`;
    case 'maxItems':
      return `${field} must contain no more than ${String(params['limit'])} elements`;
    case 'additionalProperties':
      return `property ${String(params['additionalProperty'])} should not exist`;
    case 'required':
      return `${String(params['missingProperty'])} is required`;
    default:
      return `${field} ${error.message ?? 'is invalid'}`;
  }
}

/** ajv's errors grouped by top-level field (as class-validator reported them), the first as the headline. */
function failureOf(errors: ErrorObject[]): { code: ErrorCode; message: string; details: FieldError[] } {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const path = error.instancePath.split('/')[1] ?? '';
    const field =
      error.keyword === 'additionalProperties'
        ? String(error.params['additionalProperty'])
        : error.keyword === 'required'
          ? String(error.params['missingProperty'])
          : path;
    const messages = byField.get(field) ?? [];
    const message = wordingOf(error, field);
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  const details = [...byField].map(([field, messages]) => ({ field, messages }));
  return { code: ErrorCode.ValidationFailed, message: `Validation failed: ${details[0]?.messages[0] ?? 'Invalid request'}`, details };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The one validator of a JSON body: `schema` compiled by ajv (the same object is the OpenAPI
 * request schema, see `documentedBodies`). Top-level string properties marked `x-trim` are trimmed
 * first, on a copy. A check that throws (validator.js on a lone UTF-16 surrogate) is bad input.
 */
export function checkerOf<T>(schema: SchemaObject): BodyCheck<T> {
  const validate = ajv.compile(schema);
  const properties = (schema['properties'] ?? {}) as Record<string, SchemaObject>;
  const trimmed = Object.keys(properties).filter((key) => properties[key]['x-trim'] === true);
  const check = (raw: unknown): BodyVerdict<T> => {
    if (!isPlainObject(raw)) return { failure: { code: ErrorCode.ValidationFailed, message: 'Validation failed: the body must be a JSON object' } };
    let value = raw;
    for (const key of trimmed) {
      const text = value[key];
      if (typeof text === 'string' && text !== text.trim()) value = { ...value, [key]: text.trim() };
    }
    try {
      if (validate(value)) return { value: value as T };
    } catch (error) {
      if (error instanceof URIError) return { failure: { code: ErrorCode.ValidationFailed, message: INVALID_UNICODE_MESSAGE } };
      throw error;
    }
    return { failure: failureOf(validate.errors ?? []) };
  };
  return Object.assign(check, { schema });
}

/** `@Body(new JsonBody(check))`: the route's body through its schema; the global pipe skips it (its type is an interface). */
export class JsonBody<T> implements PipeTransform<unknown, T> {
  constructor(readonly check: BodyCheck<T>) {}

  transform(raw: unknown): T {
    const verdict = this.check(raw);
    if (verdict.failure) throw new BadRequestException(verdict.failure);
    return verdict.value;
  }
}

const documented = new Map<string, SchemaObject>();

/** Names `schema` as an OpenAPI component (`#/components/schemas/<name>`); returns its `$ref`. */
export function documentBody(name: string, schema: SchemaObject): { $ref: string } {
  documented.set(name, schema);
  return { $ref: `#/components/schemas/${name}` };
}

/** The body schemas named by `documentBody`, for the OpenAPI document's components. */
export const documentedBodies = (): Record<string, SchemaObject> => Object.fromEntries(documented);

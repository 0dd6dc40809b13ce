import { ErrorCode, HEADERS } from '@fasto/contracts';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { apiError } from '../errors/api-error';
import { TenantContext } from '../tenancy/tenant-context';
import { looksLikeApiKey } from './api-key-format';
import { API_KEY_LOOKUP, type ApiKeyLookup } from './api-key-lookup';
import type { ApiKeyPrincipal } from './principal';
import { hashSecretToken, lastUseIsStale } from './secret-token';

/** Reads a tenant API key from `X-Api-Key` or `Authorization: Bearer fsk_…` (never the query string). */
export function apiKeyFrom(request: FastifyRequest): string | null {
  const header = request.headers[HEADERS.apiKey];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim();
    if (looksLikeApiKey(token)) return token;
  }
  return null;
}

/** Who calls with an API key: the key is found by its hash before its tenant is known (system scope). */
@Injectable()
export class ApiKeyAuthenticator {
  constructor(
    @Inject(API_KEY_LOOKUP) private readonly keys: ApiKeyLookup,
    private readonly context: TenantContext,
  ) {}

  async authenticate(key: string): Promise<ApiKeyPrincipal> {
    if (!looksLikeApiKey(key)) throw new UnauthorizedException(apiError(ErrorCode.InvalidApiKey, 'Invalid API key'));
    const row = await this.context.runAsSystem('api key: key by hash', () => this.keys.unrevokedByHash(hashSecretToken(key)));
    if (!row) throw new UnauthorizedException(apiError(ErrorCode.InvalidApiKey, 'Invalid API key'));
    const now = new Date();
    if (lastUseIsStale(row.lastUsedAt, now)) {
      await this.context.runInTenant(row.tenantId, () => this.keys.markUsed(row.id, now));
    }
    return { kind: 'api_key', apiKeyId: row.id, tenantId: row.tenantId, tenantStatus: row.tenantStatus };
  }
}

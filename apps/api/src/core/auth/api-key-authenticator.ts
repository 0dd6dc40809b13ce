import { ErrorCode, HEADERS, TenantStatus } from '@fasto/contracts';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { ApiKey } from '../../modules/integration/entities/api-key.entity';
import { looksLikeApiKey } from './api-key-format';
import type { ApiKeyPrincipal } from './principal';
import { hashSecretToken } from './secret-token';
import { apiError } from '../errors/api-error';

/** `last_used_at` is refreshed at most this often, so busy keys do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

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

@Injectable()
export class ApiKeyAuthenticator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate(key: string): Promise<ApiKeyPrincipal> {
    if (!looksLikeApiKey(key)) throw new UnauthorizedException(apiError(ErrorCode.InvalidApiKey, 'Invalid API key'));
    // Plain SQL: this runs on every integration call (QUALITY P3).
    const [row] = await this.dataSource.query<{ id: string; tenantId: string; lastUsedAt: string | Date | null; tenantStatus: TenantStatus }[]>(
      `SELECT k.id AS id, k.tenant_id AS tenantId, k.last_used_at AS lastUsedAt, t.status AS tenantStatus
       FROM api_keys k INNER JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
      [hashSecretToken(key)],
    );
    if (!row) throw new UnauthorizedException(apiError(ErrorCode.InvalidApiKey, 'Invalid API key'));

    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
      await this.dataSource.createQueryBuilder().update(ApiKey).set({ lastUsedAt: now }).where({ id: row.id, tenantId: row.tenantId }).execute();
    }
    return { kind: 'api_key', apiKeyId: row.id, tenantId: row.tenantId, tenantStatus: row.tenantStatus };
  }
}

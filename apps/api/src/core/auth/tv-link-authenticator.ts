import { ErrorCode, HEADERS } from '@fasto/contracts';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { apiError } from '../errors/api-error';
import { TenantContext } from '../tenancy/tenant-context';
import type { TvLinkPrincipal } from './principal';
import { hashSecretToken, lastUseIsStale } from './secret-token';
import { looksLikeTvToken } from './tv-token-format';
import { TV_LINK_LOOKUP, type TvLinkLookup } from './tv-link-lookup';

/** Reads a TV token from its header only: a token in a URL would land in proxy and server logs. */
export function tvTokenFrom(request: FastifyRequest): string | null {
  const header = request.headers[HEADERS.tvToken];
  return typeof header === 'string' && header.length > 0 ? header.trim() : null;
}

/** Who calls with a TV token: the link is found by its hash before its tenant is known (system scope). */
@Injectable()
export class TvLinkAuthenticator {
  constructor(
    @Inject(TV_LINK_LOOKUP) private readonly links: TvLinkLookup,
    private readonly context: TenantContext,
  ) {}

  async authenticate(token: string): Promise<TvLinkPrincipal> {
    const refused = () => new UnauthorizedException(apiError(ErrorCode.InvalidTvToken, 'Invalid or revoked TV link'));
    if (!looksLikeTvToken(token)) throw refused();
    const row = await this.context.runAsSystem('tv link: link by token hash', () => this.links.unrevokedByHash(hashSecretToken(token)));
    if (!row) throw refused();
    const now = new Date();
    if (lastUseIsStale(row.lastUsedAt, now)) {
      await this.context.runInTenant(row.tenantId, () => this.links.markUsed(row.id, now));
    }
    return { kind: 'tv_link', tvLinkId: row.id, tenantId: row.tenantId, teamId: row.teamId, tenantStatus: row.tenantStatus };
  }
}

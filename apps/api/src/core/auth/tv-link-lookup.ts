import type { TenantStatus } from '@fasto/contracts';

/** What authenticating a TV token needs to know of its link. */
export interface TvLinkRecord {
  id: string;
  tenantId: string;
  teamId: string | null;
  lastUsedAt: Date | string | null;
  tenantStatus: TenantStatus;
}

/**
 * The TV links as authentication sees them. Declared here, provided by the module that owns the
 * tv_links table (modules/tv), so that core imports nothing from modules (as api-key-lookup.ts).
 */
export interface TvLinkLookup {
  /** System scope: the unrevoked link with this token hash, in any tenant, with its tenant's status. */
  unrevokedByHash(tokenHash: string): Promise<TvLinkRecord | null>;
  /** Records the link's last use, in the link's tenant (the current one). */
  markUsed(id: string, at: Date): Promise<void>;
}

export const TV_LINK_LOOKUP = Symbol('TvLinkLookup');

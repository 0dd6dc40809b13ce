import type { TenantStatus } from '@fasto/contracts';

/** What authenticating an API key needs to know of it. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  lastUsedAt: Date | string | null;
  tenantStatus: TenantStatus;
}

/**
 * The API keys as authentication sees them. Declared here, provided by the module that owns the
 * api_keys table (modules/integration), so that core imports nothing from modules.
 */
export interface ApiKeyLookup {
  /** System scope: the unrevoked key with this hash, in any tenant, with its tenant's status. */
  unrevokedByHash(keyHash: string): Promise<ApiKeyRecord | null>;
  /** Records the key's last use, in the key's tenant (the current one). */
  markUsed(id: string, at: Date): Promise<void>;
}

export const API_KEY_LOOKUP = Symbol('ApiKeyLookup');

import type { Role } from '@fasto/contracts';
import { ClsServiceManager } from 'nestjs-cls';

/** Work done for one tenant: a request's verified principal, or a job/CLI command that named it. */
export interface TenantScope {
  kind: 'tenant';
  tenantId: string;
  /** Null for an API key, a job or a CLI command. */
  userId: string | null;
  role: Role | null;
  impersonatorId: string | null;
  apiKeyId: string | null;
}

/** Work that spans tenants on purpose (super-admin console, sweeps over every tenant), with its reason. */
export interface SystemScope {
  kind: 'system';
  reason: string;
}

export type DataScope = TenantScope | SystemScope;

/** The key under which the scope sits in the request-scoped (AsyncLocalStorage) store. */
export const SCOPE_KEY = 'dataScope';

/** nestjs-cls's one process-wide store: the same one its request middleware opens. */
export const clsStore = () => ClsServiceManager.getClsService();

/** The scope of the running code, or null outside one (read without Nest's injector, e.g. by the SQL checker in tests). */
export function currentScope(): DataScope | null {
  const cls = clsStore();
  if (!cls.isActive()) return null;
  return (cls.get(SCOPE_KEY) as DataScope | undefined) ?? null;
}

import type { Role } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { currentTransaction, joinTransaction } from '../database/transactions';
import { clsStore, currentScope, SCOPE_KEY, type DataScope, type SystemScope, type TenantScope } from './tenant-scope';

/** Thrown when tenant-owned data is reached with no tenant named: a programming error, never the caller's. */
export class NoTenantScopeError extends Error {
  constructor(scope: DataScope | null) {
    super(
      scope
        ? `A tenant is required here, but this runs in the system scope "${(scope as { reason: string }).reason}"`
        : 'A tenant is required here, but no tenant scope is active',
    );
    this.name = 'NoTenantScopeError';
  }
}

/** Thrown when cross-tenant SQL runs without a named system scope: a programming error, never the caller's. */
export class NoSystemScopeError extends Error {
  constructor(scope: DataScope | null) {
    super(
      scope?.kind === 'tenant'
        ? `Cross-tenant work needs the system scope, but this runs for tenant ${scope.tenantId}`
        : 'Cross-tenant work needs the system scope (runAsSystem), but no scope is active',
    );
    this.name = 'NoSystemScopeError';
  }
}

/**
 * Who the current work is for. The guards fill it from the verified principal; jobs and CLI
 * commands enter a tenant (`runInTenant`) or the named system scope (`runAsSystem`) explicitly.
 * Repositories read the tenant from here, never from a parameter.
 */
@Injectable()
export class TenantContext {
  private readonly cls = clsStore();

  /** The current tenant; throws outside a tenant scope (including the system scope). */
  tenantId(): string {
    return this.tenant().tenantId;
  }

  /** The current tenant scope (user, role, impersonator); throws outside one. */
  tenant(): TenantScope {
    const scope = currentScope();
    if (scope?.kind !== 'tenant') throw new NoTenantScopeError(scope);
    return scope;
  }

  /**
   * The current system scope; throws unless the caller entered it on purpose with `runAsSystem`.
   * Every repository method that reads or writes across tenants (login by e-mail, an API key by
   * its hash, the super-admin console, sweeps) calls this first.
   */
  system(): SystemScope {
    const scope = currentScope();
    if (scope?.kind !== 'system') throw new NoSystemScopeError(scope);
    return scope;
  }

  /** The current scope, or null outside any. */
  scope(): DataScope | null {
    return currentScope();
  }

  /** Called by the tenant guard once the principal is verified: the rest of the request runs for this tenant. */
  enterRequest(principal: Principal): void {
    const user = principal.kind === 'user' ? principal : null;
    this.cls.set<TenantScope>(SCOPE_KEY, {
      kind: 'tenant',
      tenantId: principal.tenantId,
      userId: user?.userId ?? null,
      role: user?.role ?? null,
      impersonatorId: user?.impersonatorId ?? null,
      apiKeyId: principal.kind === 'api_key' ? principal.apiKeyId : null,
    });
  }

  /** Runs `work` for one tenant (a job's or a CLI command's), in a fresh scope that ends with it. */
  runInTenant<T>(tenantId: string, work: () => T, as: { userId?: string; role?: Role } = {}): T {
    if (!tenantId) throw new NoTenantScopeError(null);
    return this.within({ kind: 'tenant', tenantId, userId: as.userId ?? null, role: as.role ?? null, impersonatorId: null, apiKeyId: null }, work);
  }

  /** Runs cross-tenant `work` in the system scope; `reason` names it in errors and in the SQL checker's report. */
  runAsSystem<T>(reason: string, work: () => T): T {
    return this.within({ kind: 'system', reason }, work);
  }

  /**
   * A fresh store holds only the new scope, and the running transaction if there is one: entering a
   * tenant (a notification to the super admins' tenant) inside a transaction must not leave it.
   */
  private within<T>(scope: DataScope, work: () => T): T {
    const transaction = currentTransaction();
    return this.cls.run({ ifNested: 'override' }, () => {
      this.cls.set(SCOPE_KEY, scope);
      return transaction ? joinTransaction(transaction, work) : work();
    });
  }
}

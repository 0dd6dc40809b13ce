import type { ApiKeyView, CreatedApiKey } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { generateApiKey } from '../../core/auth/api-key-format';
import type { UserPrincipal } from '../../core/auth/principal';
import { hashSecretToken } from '../../core/auth/secret-token';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import type { RequestContext } from '../../core/http/request-context';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TenantsService } from '../tenants/tenants.service';
import { ApiKeysRepository } from './api-keys.repository';
import type { ApiKey } from './entities/api-key.entity';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
const toView = (key: ApiKey): ApiKeyView => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdBy: key.createdBy,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: iso(key.lastUsedAt),
  revokedAt: iso(key.revokedAt),
});

/**
 * Tenant API keys for n8n, managed by super admins: shown once, stored as SHA-256 digests. The
 * console names the tenant; once it is found (system scope), the keys are handled in its scope.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly tenants: TenantsService,
    private readonly context: TenantContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  list(tenantId: string): Promise<ApiKeyView[]> {
    return this.inManagedTenant(tenantId, async () => (await this.keys.list()).map(toView));
  }

  create(principal: UserPrincipal, tenantId: string, name: string, context: RequestContext): Promise<CreatedApiKey> {
    const generated = generateApiKey();
    return this.inManagedTenant(tenantId, async (tenant) => {
      const key = await this.transactions.run(async () => {
        const id = newId();
        await this.keys.insert({ id, name, prefix: generated.prefix, keyHash: hashSecretToken(generated.key), createdBy: principal.userId });
        await this.audit.record({
          tenantId: tenant,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'api_key.created',
          entity: 'api_key',
          entityId: id,
          changes: { name, prefix: generated.prefix },
          ...context,
        });
        return this.keys.findById(id);
      });
      if (!key) throw new Error('The API key just created is missing');
      return { id: key.id, name: key.name, prefix: key.prefix, key: generated.key, createdAt: key.createdAt.toISOString() };
    });
  }

  /** Revocation is immediate: the next call with the key answers 401. */
  revoke(principal: UserPrincipal, tenantId: string, keyId: string, context: RequestContext): Promise<void> {
    return this.inManagedTenant(tenantId, (tenant) =>
      this.transactions.run(async () => {
        if (!(await this.keys.revoke(keyId, new Date()))) throw new NotFoundException('API key not found');
        await this.audit.record({
          tenantId: tenant,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'api_key.revoked',
          entity: 'api_key',
          entityId: keyId,
          ...context,
        });
      }),
    );
  }

  /** `work` in the scope of a tenant the console may manage (404 for the system tenant or an unknown id). */
  private async inManagedTenant<T>(tenantId: string, work: (tenantId: string) => Promise<T>): Promise<T> {
    const tenant = await this.context.runAsSystem('console: the tenant whose API keys are managed', () => this.tenants.find(tenantId));
    return this.context.runInTenant(tenant.id, () => work(tenant.id));
  }
}

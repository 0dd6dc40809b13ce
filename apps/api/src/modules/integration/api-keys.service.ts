import type { ApiKeyView, CreatedApiKey } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, type DataSource } from 'typeorm';
import { generateApiKey } from '../../core/auth/api-key-format';
import type { UserPrincipal } from '../../core/auth/principal';
import { hashSecretToken } from '../../core/auth/secret-token';
import { newId } from '../../core/database/ids';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { TenantsService } from '../tenants/tenants.service';
import { ApiKey } from './entities/api-key.entity';

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

/** Tenant API keys for n8n, managed by super admins: shown once, stored as SHA-256 digests. */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tenants: TenantsService,
    private readonly audit: AuditService,
  ) {}

  async list(tenantId: string): Promise<ApiKeyView[]> {
    const tenant = await this.tenants.find(this.dataSource.manager, tenantId);
    const keys = await this.dataSource.getRepository(ApiKey).find({ where: { tenantId: Equal(tenant.id) }, order: { createdAt: 'DESC' } });
    return keys.map(toView);
  }

  async create(principal: UserPrincipal, tenantId: string, name: string, context: RequestContext): Promise<CreatedApiKey> {
    const generated = generateApiKey();
    const key = await this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.find(manager, tenantId);
      const row = manager
        .getRepository(ApiKey)
        .create({ id: newId(), tenantId: tenant.id, name, prefix: generated.prefix, keyHash: hashSecretToken(generated.key), createdBy: principal.userId });
      await manager.getRepository(ApiKey).insert(row);
      await this.audit.record(
        {
          tenantId: tenant.id,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'api_key.created',
          entity: 'api_key',
          entityId: row.id,
          changes: { name, prefix: generated.prefix },
          ...context,
        },
        manager,
      );
      return manager.getRepository(ApiKey).findOneByOrFail({ id: Equal(row.id) });
    });
    return { id: key.id, name: key.name, prefix: key.prefix, key: generated.key, createdAt: key.createdAt.toISOString() };
  }

  /** Revocation is immediate: the next call with the key answers 401. */
  async revoke(principal: UserPrincipal, tenantId: string, keyId: string, context: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.find(manager, tenantId);
      const result = await manager
        .getRepository(ApiKey)
        .update({ id: Equal(keyId), tenantId: Equal(tenant.id), revokedAt: IsNull() }, { revokedAt: new Date() });
      if (result.affected !== 1) throw new NotFoundException('API key not found');
      await this.audit.record(
        {
          tenantId: tenant.id,
          actorId: principal.userId,
          impersonatorId: principal.impersonatorId,
          action: 'api_key.revoked',
          entity: 'api_key',
          entityId: keyId,
          ...context,
        },
        manager,
      );
    });
  }
}

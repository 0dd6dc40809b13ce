import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, type DataSource } from 'typeorm';
import type { ApiKeyLookup, ApiKeyRecord } from '../../core/auth/api-key-lookup';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { ApiKey } from './entities/api-key.entity';

/** The current tenant's API keys; authentication finds a key by its hash across tenants (system scope). */
@Injectable()
export class ApiKeysRepository implements ApiKeyLookup {
  private readonly keys = this.tables.of(ApiKey);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly tables: TenantTables,
  ) {}

  /** Newest first. */
  list(): Promise<ApiKey[]> {
    return this.keys.find({}, { createdAt: 'DESC' });
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.keys.findOneById(id);
  }

  insert(values: Pick<TenantValues<ApiKey>, 'id' | 'name' | 'prefix' | 'keyHash' | 'createdBy'>): Promise<void> {
    return this.keys.insert(values);
  }

  /** Revokes a live key; false when there is none with this id. */
  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.table().update({ id: Equal(id), tenantId: Equal(this.context.tenantId()), revokedAt: IsNull() }, { revokedAt: at });
    return result.affected === 1;
  }

  markUsed(id: string, at: Date): Promise<void> {
    return this.keys.update({ id: Equal(id) }, { lastUsedAt: at });
  }

  /** System scope. Plain SQL: this runs on every integration call (QUALITY P3). */
  async unrevokedByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    this.context.system();
    const [row] = await activeManager(this.dataSource).query<ApiKeyRecord[]>(
      `SELECT k.id AS id, k.tenant_id AS tenantId, k.last_used_at AS lastUsedAt, t.status AS tenantStatus
       FROM api_keys k INNER JOIN tenants t ON t.id = k.tenant_id WHERE k.key_hash = ? AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return row ?? null;
  }

  private table() {
    return activeManager(this.dataSource).getRepository(ApiKey);
  }
}

import { DEFAULT_TENANT_TIMEZONE } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { Tenant } from '../tenants/entities/tenant.entity';

const TTL_MS = 60_000;

/** Tenant time zones, cached: every ingest and dashboard needs one, and they almost never change. */
@Injectable()
export class TenantTimezones {
  private readonly cache = new Map<string, { timeZone: string; expiresAt: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(tenantId: string): Promise<string> {
    const cached = this.cache.get(tenantId);
    if (cached && cached.expiresAt > Date.now()) return cached.timeZone;
    const tenant = await this.dataSource.getRepository(Tenant).findOne({ select: { id: true, timezone: true }, where: { id: Equal(tenantId) } });
    const timeZone = tenant?.timezone ?? DEFAULT_TENANT_TIMEZONE;
    this.cache.set(tenantId, { timeZone, expiresAt: Date.now() + TTL_MS });
    return timeZone;
  }

  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { Tenant } from '../tenants/entities/tenant.entity';

/** The current tenant's own row, read for its time zone (the tenants table is keyed by the tenant itself). */
@Injectable()
export class TenantTimezoneRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** The current tenant's IANA time zone; null if its row is gone. */
  async currentTimeZone(): Promise<string | null> {
    const tenant = await activeManager(this.dataSource)
      .getRepository(Tenant)
      .findOne({ select: { id: true, timezone: true }, where: { id: Equal(this.context.tenantId()) } });
    return tenant?.timezone ?? null;
  }
}

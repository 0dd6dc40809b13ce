import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TenantContext } from '../../core/tenancy/tenant-context';

/** The nightly rollup check's one cross-tenant read: which tenants to check. */
@Injectable()
export class RollupCheckRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** Every tenant, by slug (system scope: the job sweeps them all). */
  async everyTenant(): Promise<{ id: string; slug: string }[]> {
    this.context.system();
    return this.dataSource.query('SELECT id, slug FROM tenants ORDER BY slug');
  }
}

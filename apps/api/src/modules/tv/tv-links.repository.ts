import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import type { TvLinkLookup, TvLinkRecord } from '../../core/auth/tv-link-lookup';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { TvLink } from './entities/tv-link.entity';

/** The current tenant's TV links; authentication finds a link by its token hash across tenants (system scope). */
@Injectable()
export class TvLinksRepository implements TvLinkLookup {
  private readonly links = this.tables.of(TvLink);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly tables: TenantTables,
  ) {}

  /** Newest first. */
  list(): Promise<TvLink[]> {
    return this.links.find({}, { createdAt: 'DESC' });
  }

  findById(id: string): Promise<TvLink | null> {
    return this.links.findOneById(id);
  }

  insert(values: Pick<TenantValues<TvLink>, 'id' | 'name' | 'teamId' | 'prefix' | 'tokenHash' | 'createdBy'>): Promise<void> {
    return this.links.insert(values);
  }

  /** Revokes a live link; false when there is none with this id. */
  async revoke(id: string, at: Date): Promise<boolean> {
    return (await this.links.updateAndCount({ id: Equal(id), revokedAt: IsNull() }, { revokedAt: at })) === 1;
  }

  /** Which of these links are still live (the ticker closes the streams of the others). */
  async liveIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.links
      .queryBuilder('l')
      .select('l.id', 'id')
      .andWhere('l.id IN (:...ids) AND l.revokedAt IS NULL', { ids })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  markUsed(id: string, at: Date): Promise<void> {
    return this.links.update({ id: Equal(id) }, { lastUsedAt: at });
  }

  /** System scope. Plain SQL: this runs on every call of a wall screen, as API keys' (QUALITY P3). */
  async unrevokedByHash(tokenHash: string): Promise<TvLinkRecord | null> {
    this.context.system();
    const [row] = await activeManager(this.dataSource).query<TvLinkRecord[]>(
      `SELECT l.id AS id, l.tenant_id AS tenantId, l.team_id AS teamId, l.last_used_at AS lastUsedAt, t.status AS tenantStatus
       FROM tv_links l INNER JOIN tenants t ON t.id = l.tenant_id WHERE l.token_hash = ? AND l.revoked_at IS NULL`,
      [tokenHash],
    );
    return row ?? null;
  }
}

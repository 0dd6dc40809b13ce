import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';

export interface CatalogEntry {
  id: string;
  name: string;
  color: string;
  /** The funnel's won stage (never an origin). */
  won?: true;
}

interface CatalogRow extends Omit<CatalogEntry, 'won'> {
  kind: 'stage' | 'origin';
  won: number | boolean;
}

// A team without a funnel (or origin group) matches nothing: all its counts fall into "Outros".
const STAGES = `SELECT 'stage' AS kind, s.id AS id, s.name AS name, s.color AS color, s.is_won AS won, f.name AS list_name, s.position AS position
  FROM funnel_stages s INNER JOIN funnels f ON f.id = s.funnel_id WHERE s.tenant_id = ?`;
const TEAM_STAGES = `${STAGES} AND s.funnel_id = (SELECT t.funnel_id FROM teams t WHERE t.id = ? AND t.tenant_id = ?)`;
const ORIGINS = `SELECT 'origin' AS kind, o.id AS id, o.name AS name, o.color AS color, 0 AS won, g.name AS list_name, o.position AS position
  FROM origin_items o INNER JOIN origin_groups g ON g.id = o.origin_group_id WHERE o.tenant_id = ?`;
const TEAM_ORIGINS = `${ORIGINS} AND o.origin_group_id = (SELECT t.origin_group_id FROM teams t WHERE t.id = ? AND t.tenant_id = ?)`;

/**
 * The stages and origins the pies are made of, in the current tenant: one team's, or every one
 * of the tenant, in one plain-SQL round trip (it runs on every dashboard request, QUALITY P2).
 */
@Injectable()
export class DashboardCatalogRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  async forTeam(teamId: string | null): Promise<{ stages: CatalogEntry[]; origins: CatalogEntry[] }> {
    const tenantId = this.context.tenantId();
    const sql = teamId ? `${TEAM_STAGES} UNION ALL ${TEAM_ORIGINS}` : `${STAGES} UNION ALL ${ORIGINS}`;
    const params = teamId ? [tenantId, teamId, tenantId, tenantId, teamId, tenantId] : [tenantId, tenantId];
    const rows = await activeManager(this.dataSource).query<CatalogRow[]>(`${sql} ORDER BY kind DESC, list_name, position`, params);
    const entries = (kind: CatalogRow['kind']): CatalogEntry[] =>
      rows
        .filter((row) => row.kind === kind)
        .map((row) => ({ id: row.id, name: row.name, color: row.color, ...(Number(row.won) ? { won: true as const } : {}) }));
    return { stages: entries('stage'), origins: entries('origin') };
  }
}

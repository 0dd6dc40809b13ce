import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { dayInZone } from '../../core/time/tenant-days';
import { Attendance } from '../attendances/entities/attendance.entity';
import { RollupDelta, type RollupRows } from '../attendances/rollups/rollup-delta';
import { factsOf } from '../attendances/rollups/rollup-rebuild.service';
import type { Tenant } from '../tenants/entities/tenant.entity';

const DAY_MS = 86_400_000;
const TOTALS =
  'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, attendances, converted, score_sum AS scoreSum, score_count AS scoreCount, first_response_sum AS firstResponseSum, first_response_count AS firstResponseCount, sale_value_sum AS saleValueSum';
const TEAM_TOTALS = TOTALS.replace('user_id AS userId, ', '');
const TABLES: [string, string, keyof RollupRows][] = [
  ['attendance_rollup_totals', TOTALS, 'totals'],
  ['attendance_rollup_stages', 'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, stage_id AS stageId, attendances', 'stages'],
  ['attendance_rollup_origins', 'tenant_id AS tenantId, grain, period, user_id AS userId, team_id AS teamId, origin_id AS originId, attendances', 'origins'],
  // The rollups without the agent (migration 0005).
  ['attendance_rollup_team_totals', TEAM_TOTALS, 'teamTotals'],
  ['attendance_rollup_team_stages', 'tenant_id AS tenantId, grain, period, team_id AS teamId, stage_id AS stageId, attendances', 'teamStages'],
  ['attendance_rollup_team_origins', 'tenant_id AS tenantId, grain, period, team_id AS teamId, origin_id AS originId, attendances', 'teamOrigins'],
];

type Row = Record<string, unknown>;

/** Comparable text of rollup rows: numbers unified across drivers (strings, REAL), all-zero rows dropped. */
function canonical(rows: Row[]): string[] {
  return rows
    .map((row) => {
      const entries = Object.entries(row).map(([key, value]): [string, unknown] => {
        if (key === 'saleValueSum') return [key, Math.round(Number(value) * 100)];
        if (key === 'firstResponseSum') return [key, Math.round(Number(value) * 1000)];
        return [key, typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) && key !== 'period' ? Number(value) : value];
      });
      return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    })
    .filter((row) => Object.values(row).some((value) => typeof value === 'number' && value !== 0))
    .map((row) => JSON.stringify(row))
    .sort();
}

/**
 * Compares a tenant's daily rollups of its recent days with a raw recount of its attendances
 * (the same arithmetic the rollup writer uses), and names the days that differ.
 */
@Injectable()
export class RollupConsistency {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async differingDays(tenant: Tenant, now: Date, days: number): Promise<string[]> {
    const firstDay = dayInZone(new Date(now.getTime() - days * DAY_MS), tenant.timezone);
    // Read from two days earlier: every attendance of `firstDay` in the tenant's zone is included.
    const attendances = await this.dataSource
      .getRepository(Attendance)
      .createQueryBuilder('a')
      .where('a.tenantId = :tenantId AND a.attendedAt >= :from', { tenantId: tenant.id, from: new Date(now.getTime() - (days + 2) * DAY_MS) })
      .getMany();
    const delta = new RollupDelta();
    for (const attendance of attendances) delta.add(factsOf(attendance), 1, tenant.timezone);
    const recount = delta.rows();

    const differing = new Set<string>();
    for (const [table, columns, kind] of TABLES) {
      const stored: Row[] = await this.dataSource.query(`SELECT ${columns} FROM ${table} WHERE tenant_id = ? AND grain = 'D' AND period >= ?`, [
        tenant.id,
        firstDay,
      ]);
      const expected = (recount[kind] as unknown as Row[]).filter((row) => row['grain'] === 'D' && String(row['period']) >= firstDay);
      const storedSet = new Set(canonical(stored));
      const expectedSet = new Set(canonical(expected));
      for (const text of storedSet) if (!expectedSet.has(text)) differing.add(JSON.parse(text).period);
      for (const text of expectedSet) if (!storedSet.has(text)) differing.add(JSON.parse(text).period);
    }
    return [...differing].sort();
  }
}

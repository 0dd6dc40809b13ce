import type { TvBoardSale } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { Equal } from 'typeorm';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { Attendance } from '../attendances/entities/attendance.entity';

/** The teams table, named by string: the board only shows a team's name (docs/architecture.md, Layering). */
interface TeamName extends TenantOwnedEntity {
  name: string;
}

/** What the board reads besides the rollups: the latest closed sales and the team's name. */
@Injectable()
export class TvBoardRepository {
  private readonly attendances = this.tables.of(Attendance);
  private readonly teams = this.tables.of<TeamName>('Team');

  constructor(private readonly tables: TenantTables) {}

  async teamName(teamId: string): Promise<string | null> {
    return (await this.teams.findOneById(teamId))?.name ?? null;
  }

  teamExists(teamId: string): Promise<boolean> {
    return this.teams.exists({ id: Equal(teamId) });
  }

  /**
   * The newest closed sales since `since`, agent name and value only (the select names every
   * column: no customer field can slip into the board). Walks the (tenant[, team], deleted_at,
   * attended_at) index backwards and stops at `limit`.
   */
  async latestSales(teamId: string | null, since: Date, limit: number): Promise<TvBoardSale[]> {
    const query = this.attendances
      .queryBuilder('a')
      .select('a.id', 'id')
      .addSelect('a.saleValue', 'saleValue')
      .addSelect('a.attendedAt', 'closedAt')
      .addSelect('u.fullName', 'agentName')
      .leftJoin('User', 'u', 'u.id = a.userId AND u.tenantId = a.tenantId')
      .andWhere('a.deletedAt IS NULL AND a.attendedAt >= :since AND a.converted = :converted', { since, converted: true });
    if (teamId) query.andWhere('a.teamId = :teamId', { teamId });
    const rows = await query.orderBy('a.attendedAt', 'DESC').addOrderBy('a.id', 'DESC').limit(limit).getRawMany<Record<string, unknown>>();
    return rows.map((row) => ({
      id: String(row['id']),
      agentName: row['agentName'] === null ? null : String(row['agentName']),
      saleValue: row['saleValue'] === null ? null : Number(row['saleValue']),
      closedAt: asIso(row['closedAt']),
    }));
  }
}

/** mysql2 returns a Date; SQLite the UTC text TypeORM wrote (`YYYY-MM-DD HH:MM:SS.SSS`). */
function asIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  return new Date(text.includes('T') ? text : `${text.replace(' ', 'T')}Z`).toISOString();
}

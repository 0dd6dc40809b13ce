import { ErrorCode } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { apiError } from '../../core/errors/api-error';
import { decodeCursor, encodeCursor } from '../../core/pagination/keyset';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { Attendance } from '../attendances/entities/attendance.entity';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';

/** An attendance with the names a sync needs beside its ids (null when the agent, team, stage or origin is gone). */
export interface SyncedAttendance {
  row: Attendance;
  agentName: string | null;
  agentEmail: string | null;
  teamName: string | null;
  stageName: string | null;
  originName: string | null;
}

export interface SyncPage {
  rows: SyncedAttendance[];
  nextCursor: string | null;
}

/** `2026-03-10 12:00:00` or `2026-03-10 12:00:00.123`: a timestamp as SQLite stores it (see sortKeyOf). */
const STORED_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () => new BadRequestException(apiError(ErrorCode.InvalidCursor, 'cursor is not valid'));

/**
 * An instant as a SQL value both engines compare correctly with `updated_at`: UTC text, without
 * the fraction when it is zero. Updates stamp `updated_at = CURRENT_TIMESTAMP` (whole seconds,
 * TypeORM's UpdateQueryBuilder), which SQLite stores as `…:SS`; `…:SS.000` would sort after it.
 */
export const instantParameter = (instant: Date): string => {
  const text = instant.toISOString().replace('T', ' ').replace('Z', '');
  return text.endsWith('.000') ? text.slice(0, -4) : text;
};

/**
 * The cursor keeps `updated_at` exactly as the engine returned it: SQLite's stored text (compared
 * as text, in the order ORDER BY uses), MySQL's DATETIME(3) as an ISO instant.
 */
const sortKeyOf = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

const sortParameter = (value: string | number): string | Date => {
  if (typeof value === 'string' && STORED_TIME.test(value)) return value;
  const instant = typeof value === 'string' && value.includes('T') ? new Date(value) : null;
  if (!instant || Number.isNaN(instant.getTime())) throw invalidCursor();
  return instant;
};

/**
 * The SQL of the sync read-back (`GET /integration/attendances`): every attendance of the current
 * tenant in the order of its last change, (updated_at, id), soft-deleted ones included so a sync
 * learns about deletions. Keyset paging on idx_attendances_tenant_updated: a row changed during a
 * sync moves behind the cursor and is met again, with its new values, on a later page.
 */
@Injectable()
export class AttendanceSyncRepository {
  private readonly attendances = this.tables.of(Attendance);

  constructor(private readonly tables: TenantTables) {}

  async changedSince(updatedSince: Date | undefined, cursor: string | undefined, limit: number): Promise<SyncPage> {
    const keys = this.attendances.queryBuilder('a').withDeleted().select('a.updatedAt', 'sort_key').addSelect('a.id', 'id');
    if (updatedSince) keys.andWhere('a.updatedAt >= :updatedSince', { updatedSince: instantParameter(updatedSince) });
    if (cursor) {
      const [sortValue, id] = decodeCursor(cursor, 2);
      if (typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
      // Same shape as core/pagination/keyset.ts: the first conjunct bounds the index range scan.
      keys.andWhere('a.updatedAt >= :afterSort AND (a.updatedAt > :afterSort OR a.id > :afterId)', { afterSort: sortParameter(sortValue), afterId: id });
    }
    const found: { sort_key: unknown; id: string }[] = await keys
      .orderBy('a.updatedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(limit + 1)
      .getRawMany();
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = found.length > limit && last ? encodeCursor([sortKeyOf(last.sort_key), last.id]) : null;
    return { rows: await this.withNames(page.map((key) => key.id)), nextCursor };
  }

  /** The rows of one page, in the page's order, with the names of what they point at (same tenant only). */
  private async withNames(ids: string[]): Promise<SyncedAttendance[]> {
    if (ids.length === 0) return [];
    const { entities, raw } = await this.attendances
      .queryBuilder('a')
      .withDeleted()
      .leftJoin(User, 'u', 'u.id = a.userId AND u.tenantId = a.tenantId')
      .leftJoin(Team, 't', 't.id = a.teamId AND t.tenantId = a.tenantId')
      .leftJoin(FunnelStage, 's', 's.id = a.funnelStageId AND s.tenantId = a.tenantId')
      .leftJoin(OriginItem, 'o', 'o.id = a.originItemId AND o.tenantId = a.tenantId')
      .addSelect('u.fullName', 'agent_name')
      .addSelect('u.email', 'agent_email')
      .addSelect('t.name', 'team_name')
      .addSelect('s.name', 'stage_name')
      .addSelect('o.name', 'origin_name')
      .andWhere('a.id IN (:...pageIds)', { pageIds: ids })
      .getRawAndEntities();
    const names = new Map(raw.map((row: Record<string, string | null>) => [row['a_id'], row]));
    const byId = new Map(entities.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      const named = names.get(id);
      if (!row) return [];
      return [
        {
          row,
          agentName: named?.['agent_name'] ?? null,
          agentEmail: named?.['agent_email'] ?? null,
          teamName: named?.['team_name'] ?? null,
          stageName: named?.['stage_name'] ?? null,
          originName: named?.['origin_name'] ?? null,
        },
      ];
    });
  }
}

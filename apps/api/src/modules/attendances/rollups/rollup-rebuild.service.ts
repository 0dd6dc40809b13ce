import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { Attendance } from '../entities/attendance.entity';
import { RollupDelta, type AttendanceFacts } from './rollup-delta';
import { ROLLUP_TABLES, RollupWriter } from './rollup-writer.service';

const BATCH = 5000;

/** What the rollups count of an attendance's values, in `tenantId` (ingest has the values, not a row). */
export const factsFor = (tenantId: string, values: Pick<Attendance, Exclude<keyof AttendanceFacts, 'tenantId'>>): AttendanceFacts => ({
  tenantId,
  attendedAt: values.attendedAt,
  userId: values.userId,
  teamId: values.teamId,
  funnelStageId: values.funnelStageId,
  originItemId: values.originItemId,
  converted: Boolean(values.converted),
  score: values.score,
  firstResponseTimeMin: values.firstResponseTimeMin,
  saleValue: values.saleValue,
});

export const factsOf = (row: Pick<Attendance, keyof AttendanceFacts>): AttendanceFacts => factsFor(row.tenantId, row);

/**
 * Recomputes a tenant's rollups from its attendances: after a time zone change, or by hand
 * (`npm run rollups:rebuild`). Days are computed in JavaScript: MariaDB often lacks time zone
 * tables and SQLite has none.
 */
@Injectable()
export class RollupRebuildService {
  private readonly logger = new Logger(RollupRebuildService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: RollupWriter,
  ) {}

  async rebuild(tenantId: string): Promise<number> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneByOrFail({ id: Equal(tenantId) });
    const delta = new RollupDelta();
    let counted = 0;
    let after: { attendedAt: Date; id: string } | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(Attendance)
        .createQueryBuilder('a')
        .select([
          'a.id',
          'a.tenantId',
          'a.attendedAt',
          'a.userId',
          'a.teamId',
          'a.funnelStageId',
          'a.originItemId',
          'a.converted',
          'a.score',
          'a.firstResponseTimeMin',
          'a.saleValue',
        ])
        .where('a.tenantId = :tenantId', { tenantId })
        .orderBy('a.attendedAt', 'ASC')
        .addOrderBy('a.id', 'ASC')
        .limit(BATCH);
      if (after) query.andWhere('(a.attendedAt > :at OR (a.attendedAt = :at AND a.id > :id))', { at: after.attendedAt, id: after.id });
      const rows = await query.getMany();
      for (const row of rows) delta.add(factsOf(row), 1, tenant.timezone);
      counted += rows.length;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1];
    }
    await this.dataSource.transaction(async (manager) => {
      for (const table of ROLLUP_TABLES) {
        await manager.query(`DELETE FROM ${table} WHERE tenant_id = ?`, [tenantId]);
      }
      await this.writer.apply(manager, delta);
    });
    this.logger.log({ tenantId, attendances: counted }, 'Rollups rebuilt');
    return counted;
  }
}

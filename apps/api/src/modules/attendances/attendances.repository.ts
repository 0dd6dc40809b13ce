import { Injectable } from '@nestjs/common';
import { Equal } from 'typeorm';
import { forUpdate } from '../../core/database/lock';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Attendance } from './entities/attendance.entity';

/** What an admin or manager may correct on an attendance (see UpdateAttendanceDto). */
export type AttendanceCorrection = Pick<TenantValues<Attendance>, 'funnelStageId' | 'originItemId' | 'converted' | 'saleValue'>;

/** The SQL of one attendance (read, correct, soft-delete), all of it in the current tenant. */
@Injectable()
export class AttendancesRepository {
  private readonly attendances = this.tables.of(Attendance);
  private readonly stages = this.tables.of(FunnelStage);
  private readonly origins = this.tables.of(OriginItem);

  constructor(private readonly tables: TenantTables) {}

  /** A live (not soft-deleted) attendance; with `lock`, held FOR UPDATE until the transaction ends. */
  async findById(id: string, options: { lock?: boolean } = {}): Promise<Attendance | null> {
    if (!id) return null;
    const query = this.attendances.queryBuilder('a').andWhere('a.id = :id', { id });
    return (options.lock ? forUpdate(query) : query).getOne();
  }

  update(id: string, correction: AttendanceCorrection): Promise<void> {
    return this.attendances.update({ id: Equal(id) }, correction);
  }

  /** The row stays for the audit trail; lists, exports and dashboards stop counting it. */
  softDelete(id: string): Promise<void> {
    return this.attendances.softDelete({ id: Equal(id) });
  }

  stageExists(id: string): Promise<boolean> {
    return this.stages.exists({ id: Equal(id) });
  }

  originExists(id: string): Promise<boolean> {
    return this.origins.exists({ id: Equal(id) });
  }
}

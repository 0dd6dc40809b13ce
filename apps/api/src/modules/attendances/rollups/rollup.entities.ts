import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../core/database/decimal.transformer';

/**
 * Pre-aggregated attendances per tenant-local day, kept in the same transaction as every write
 * (see RollupWriter), so dashboards read thousands of rows instead of millions.
 * Missing references are stored as '' (not NULL) so that they take part in the primary key.
 */
abstract class DailyRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId!: string;

  /** YYYY-MM-DD in the tenant's time zone. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  teamId!: string;
}

/** Totals per day, agent and team: KPIs, the daily series and the per-agent table. */
@Entity('attendance_daily_totals')
@Index('idx_daily_totals_tenant_team_day', ['tenantId', 'teamId', 'day'])
@Index('idx_daily_totals_tenant_user_day', ['tenantId', 'userId', 'day'])
export class AttendanceDailyTotal extends DailyRollupKey {
  @Column({ type: 'int', default: 0 })
  attendances!: number;

  @Column({ type: 'int', default: 0 })
  converted!: number;

  @Column({ type: 'bigint', default: 0 })
  scoreSum!: number;

  @Column({ type: 'int', default: 0 })
  scoreCount!: number;

  @Column({ type: 'double', default: 0 })
  firstResponseSum!: number;

  @Column({ type: 'int', default: 0 })
  firstResponseCount!: number;

  @Column({ type: 'decimal', precision: 16, scale: 2, default: 0, transformer: decimalToNumber })
  saleValueSum!: number;
}

/** Counts per day, agent, team and funnel stage: the stage pie. */
@Entity('attendance_daily_stages')
@Index('idx_daily_stages_tenant_team_day', ['tenantId', 'teamId', 'day'])
@Index('idx_daily_stages_tenant_user_day', ['tenantId', 'userId', 'day'])
export class AttendanceDailyStage extends DailyRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

/** Counts per day, agent, team and lead origin: the origin pie. */
@Entity('attendance_daily_origins')
@Index('idx_daily_origins_tenant_team_day', ['tenantId', 'teamId', 'day'])
@Index('idx_daily_origins_tenant_user_day', ['tenantId', 'userId', 'day'])
export class AttendanceDailyOrigin extends DailyRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  originId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

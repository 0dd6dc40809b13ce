import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../core/database/decimal.transformer';

/**
 * Pre-aggregated attendances per tenant-local day and per month, kept in the same transaction
 * as every write (see RollupWriter), so dashboards read hundreds of rows instead of millions:
 * whole months of a range come from the monthly rows, the edges from the daily ones.
 * Missing references are stored as '' (not NULL) so that they take part in the primary key.
 */
abstract class RollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId!: string;

  /** 'D' (daily rows) or 'M' (monthly rows). */
  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain!: 'D' | 'M';

  /** YYYY-MM-DD (daily) or YYYY-MM (monthly), in the tenant's time zone. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  teamId!: string;
}

/** Totals per period, agent and team: KPIs, the daily series and the per-agent table. */
@Entity('attendance_rollup_totals')
@Index('idx_rollup_totals_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_totals_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyTotal extends RollupKey {
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

/** Counts per period, agent, team and funnel stage: the stage pie. */
@Entity('attendance_rollup_stages')
@Index('idx_rollup_stages_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_stages_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyStage extends RollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

/** Counts per period, agent, team and lead origin: the origin pie. */
@Entity('attendance_rollup_origins')
@Index('idx_rollup_origins_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_origins_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyOrigin extends RollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  originId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

/** The same rows without the agent (migration 0005): what tenant- and team-wide dashboards read. */
abstract class TeamRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  tenantId!: string;

  @PrimaryColumn({ type: 'varchar', length: 1 })
  grain!: 'D' | 'M';

  @PrimaryColumn({ type: 'varchar', length: 10 })
  period!: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  teamId!: string;
}

@Entity('attendance_rollup_team_totals')
@Index('idx_rollup_team_totals_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamTotal extends TeamRollupKey {
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

@Entity('attendance_rollup_team_stages')
@Index('idx_rollup_team_stages_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamStage extends TeamRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

@Entity('attendance_rollup_team_origins')
@Index('idx_rollup_team_origins_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamOrigin extends TeamRollupKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  originId!: string;

  @Column({ type: 'int', default: 0 })
  attendances!: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { measureSpec, ROLLUP_TABLES, type RollupTableName } from './rollup-definition';

/**
 * Pre-aggregated attendances per tenant-local day and per month, kept in the same transaction
 * as every write (see RollupWriter), so dashboards read hundreds of rows instead of millions:
 * whole months of a range come from the monthly rows, the edges from the daily ones.
 * Missing references are stored as '' (not NULL) so that they take part in the primary key.
 * The measure columns come from rollup-definition.ts (`measureColumns` below).
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

type Constructor<T> = abstract new () => T;
type MeasuresOf<T extends RollupTableName> = Record<(typeof ROLLUP_TABLES)[T]['measures'][number], number>;

/** A key class with the table's measure columns, declared (as `@Column` would) from the one definition. */
function withMeasures<Key extends object, T extends RollupTableName>(key: Constructor<Key>, table: T): Constructor<Key & MeasuresOf<T>> {
  abstract class Measured extends (key as Constructor<object>) {}
  for (const name of ROLLUP_TABLES[table].measures) Column({ ...measureSpec(name).column, default: 0 })(Measured.prototype, name);
  return Measured as Constructor<Key & MeasuresOf<T>>;
}

/** Totals per period, agent and team: KPIs, the daily series and the per-agent table. */
@Entity(ROLLUP_TABLES.totals.table)
@Index('idx_rollup_totals_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_totals_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyTotal extends withMeasures(RollupKey, 'totals') {}

/** Counts per period, agent, team and funnel stage: the stage pie. */
@Entity(ROLLUP_TABLES.stages.table)
@Index('idx_rollup_stages_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_stages_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyStage extends withMeasures(RollupKey, 'stages') {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;
}

/** Counts per period, agent, team and lead origin: the origin pie. */
@Entity(ROLLUP_TABLES.origins.table)
@Index('idx_rollup_origins_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
@Index('idx_rollup_origins_tenant_user', ['tenantId', 'userId', 'grain', 'period'])
export class AttendanceDailyOrigin extends withMeasures(RollupKey, 'origins') {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  originId!: string;
}

@Entity(ROLLUP_TABLES.teamTotals.table)
@Index('idx_rollup_team_totals_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamTotal extends withMeasures(TeamRollupKey, 'teamTotals') {}

@Entity(ROLLUP_TABLES.teamStages.table)
@Index('idx_rollup_team_stages_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamStage extends withMeasures(TeamRollupKey, 'teamStages') {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  stageId!: string;
}

@Entity(ROLLUP_TABLES.teamOrigins.table)
@Index('idx_rollup_team_origins_tenant_team', ['tenantId', 'teamId', 'grain', 'period'])
export class AttendanceTeamOrigin extends withMeasures(TeamRollupKey, 'teamOrigins') {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  originId!: string;
}

/** Each rollup table's entity, by its name in the definition. */
export const ROLLUP_ENTITIES = {
  totals: AttendanceDailyTotal,
  stages: AttendanceDailyStage,
  origins: AttendanceDailyOrigin,
  teamTotals: AttendanceTeamTotal,
  teamStages: AttendanceTeamStage,
  teamOrigins: AttendanceTeamOrigin,
} as const satisfies Record<RollupTableName, unknown>;

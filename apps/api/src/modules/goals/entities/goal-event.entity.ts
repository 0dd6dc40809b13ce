import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/**
 * Something that happens to a goal at most once per period (`reached`, `midpoint`): the unique
 * key lets exactly one of racing checks (two ingests, two instances) write it and notify.
 */
@Entity('goal_events')
@Index('uq_goal_events_once', ['tenantId', 'goalId', 'periodStart', 'kind'], { unique: true })
export class GoalEvent extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  goalId!: string;

  /** The period's first tenant-local day, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  periodStart!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: string;
}

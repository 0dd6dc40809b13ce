import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';
import { decimalToNumber } from '../../../core/database/decimal.transformer';

/**
 * A target for the tenant, a team or an agent, recurring every week or month from `activeFrom`
 * until deleted (deleting is final: the audit log keeps what it was). `subjectKey` is NOT NULL
 * ('tenant', the team id or the user id) so the unique key holds for tenant goals too: unique
 * keys let NULLs repeat on both engines.
 */
@Entity('goals')
@Index('uq_goals_subject_metric_period', ['tenantId', 'scope', 'subjectKey', 'metric', 'period'], { unique: true })
export class Goal extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 8 })
  scope!: string;

  @Column({ type: 'varchar', length: 36 })
  subjectKey!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 20 })
  metric!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: string;

  @Column({ type: 'decimal', precision: 16, scale: 4, transformer: decimalToNumber })
  target!: number;

  /** A tenant-local day, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  activeFrom!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;
}

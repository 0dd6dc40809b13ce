import type { DigestKind } from '@fasto/contracts';
import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/**
 * One digest of one user for one period. The row is inserted (claimed) before the e-mail goes
 * out: the unique key lets only one run, retry or instance win a (user, kind, period).
 */
@Entity('digest_deliveries')
@Index('uq_digest_deliveries_period', ['tenantId', 'userId', 'kind', 'periodStart'], { unique: true })
export class DigestDelivery extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: DigestKind;

  /** The first tenant-local day the digest covers, `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  periodStart!: string;

  /** `sending` while claimed, `sent` once the mailer took it. */
  @Column({ type: 'varchar', length: 10 })
  status!: 'sending' | 'sent';

  @Column({ type: 'datetime', nullable: true })
  sentAt!: Date | null;
}

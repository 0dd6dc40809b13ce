import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

/**
 * One event for one endpoint: the outbox row written in the change's transaction, then the log of
 * its delivery. `payload` is the exact body sent (and signed), so a redelivery sends the same bytes.
 */
@Entity('webhook_deliveries')
@Index('idx_webhook_deliveries_tenant_endpoint_created', ['tenantId', 'endpointId', 'createdAt'])
@Index('idx_webhook_deliveries_due', ['status', 'nextAttemptAt'])
export class WebhookDelivery extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  endpointId!: string;

  @Column({ type: 'varchar', length: 60 })
  event!: string;

  @Column({ type: 'text' })
  payload!: string;

  /** pending → delivering (claimed) → delivered, or back to pending for a retry, or failed (gave up). */
  @Column({ type: 'varchar', length: 12 })
  status!: string;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt!: Date | null;

  /** Until when the instance that claimed it owns it; after that another may take it over. */
  @Column({ type: 'datetime', nullable: true })
  leaseExpiresAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  lastResponseCode!: number | null;

  @Column({ type: 'int', nullable: true })
  lastDurationMs!: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt!: Date | null;
}

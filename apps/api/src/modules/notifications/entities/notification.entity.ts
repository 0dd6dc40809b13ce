import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('notifications')
@Index('idx_notifications_tenant_user_created', ['tenantId', 'userId', 'createdAt'])
@Index('idx_notifications_tenant_user_read', ['tenantId', 'userId', 'readAt'])
@Index('uq_notifications_event', ['tenantId', 'userId', 'eventKey'], { unique: true })
export class Notification extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  /** What the text was made from, so it can be told again in the reader's language. */
  @Column({ type: 'simple-json', nullable: true })
  data!: Record<string, string | number | null> | null;

  /** Identifies the event that fired it, so a retried trigger cannot notify twice. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  eventKey!: string | null;

  @Column({ type: 'datetime', nullable: true })
  readAt!: Date | null;
}

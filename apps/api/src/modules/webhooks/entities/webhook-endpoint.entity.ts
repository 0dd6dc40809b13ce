import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

/** Where a tenant wants its events POSTed. */
@Entity('webhook_endpoints')
@Index('idx_webhook_endpoints_tenant_created', ['tenantId', 'createdAt'])
export class WebhookEndpoint extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** The subscribed event names (WEBHOOK_EVENTS). */
  @Column({ type: 'simple-json' })
  events!: string[];

  /**
   * The signing secret, AES-256-GCM encrypted (webhook-secrets.ts): it signs every delivery, so it
   * cannot be a one-way hash like API keys, but a database dump alone does not reveal it.
   */
  @Column({ type: 'varchar', length: 255 })
  secretCiphertext!: string;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  /** Deliveries that failed in a row; reset by a success. At the limit the endpoint is disabled. */
  @Column({ type: 'int', default: 0 })
  consecutiveFailures!: number;

  @Column({ type: 'datetime', nullable: true })
  disabledAt!: Date | null;

  /** The API key that subscribed it (n8n's trigger node), which alone may unsubscribe it; null when an admin created it. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  apiKeyId!: string | null;
}

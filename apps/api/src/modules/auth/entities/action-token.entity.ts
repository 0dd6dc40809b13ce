import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

export type ActionTokenPurpose = 'invite' | 'password_reset';

/** Single-use, expiring token behind an invitation or password-reset link; stored hashed. */
@Entity('action_tokens')
@Index('uq_action_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_action_tokens_tenant_user', ['tenantId', 'userId', 'purpose'])
export class ActionToken extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  purpose!: ActionTokenPurpose;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'datetime' })
  expiresAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt!: Date | null;
}

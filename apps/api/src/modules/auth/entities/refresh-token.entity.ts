import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/**
 * One link of a refresh-token family (a login session). Only the SHA-256 of the token is kept;
 * rotating marks this row replaced and inserts its successor in the same family.
 */
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_refresh_tokens_tenant_user', ['tenantId', 'userId'])
@Index('idx_refresh_tokens_family', ['familyId'])
export class RefreshToken extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Sliding expiry: each rotation moves it 30 days ahead, never past `sessionExpiresAt`. */
  @Column({ type: 'datetime' })
  expiresAt!: Date;

  /** Absolute cap of the whole family, fixed at login. */
  @Column({ type: 'datetime' })
  sessionExpiresAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  replacedBy!: string | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  impersonatorId!: string | null;
}

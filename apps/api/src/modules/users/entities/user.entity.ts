import { DEFAULT_DIGEST_FREQUENCY, Role, type DigestFrequency } from '@fasto/contracts';
import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
@Index('idx_users_tenant_team', ['tenantId', 'teamId'])
@Index('idx_users_tenant_role', ['tenantId', 'role'])
export class User extends EditableTenantOwnedEntity {
  /** Stored lower-cased: emails are unique across the whole system, case-insensitively. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  fullName!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  avatarUrl!: string | null;

  /** argon2id; null until an invited user sets a password. Never leaves the auth services. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** Language of the UI and of notifications; null follows the tenant's locale. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  locale!: string | null;

  /** How often the digest e-mail comes; only managers and admins receive one. */
  @Column({ type: 'varchar', length: 10, default: DEFAULT_DIGEST_FREQUENCY })
  digest!: DigestFrequency;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  @Column({ type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt!: Date | null;
}

import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/** Who did what to which entity; `changes` holds before/after with sensitive fields masked. */
@Entity('audit_logs')
@Index('idx_audit_logs_tenant_created', ['tenantId', 'createdAt'])
@Index('idx_audit_logs_tenant_entity', ['tenantId', 'entity', 'entityId'])
export class AuditLog extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  /** The super admin behind an impersonated action. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  impersonatorId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ type: 'varchar', length: 40 })
  entity!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  entityId!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  changes!: object | null;

  @Column({ type: 'varchar', length: 45, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;
}

import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/** A tenant's integration key for n8n: shown once, kept as a hash, found by its hash. */
@Entity('api_keys')
@Index('uq_api_keys_hash', ['keyHash'], { unique: true })
@Index('idx_api_keys_tenant', ['tenantId', 'createdAt'])
export class ApiKey extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** The first characters of the key, shown in lists so people can tell keys apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}

import { Column, Entity, Index } from 'typeorm';
import { TenantOwnedEntity } from '../../../core/database/base.entity';

/** A read-only link to the TV board for a wall screen: shown once, kept as a hash, found by its hash. */
@Entity('tv_links')
@Index('uq_tv_links_hash', ['tokenHash'], { unique: true })
@Index('idx_tv_links_tenant_created', ['tenantId', 'createdAt'])
export class TvLink extends TenantOwnedEntity {
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** The team the board shows; null for the whole organization. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  /** The characters after the marker, shown in lists so people can tell links apart. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;
}

import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Every row is identified by a random UUID: ids reveal neither volume nor order. */
export abstract class IdentifiedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

/**
 * A row that belongs to one tenant. `tenantId` is NOT NULL and leads an index on every such
 * table (checked by the schema test), and every query filters by it.
 */
export abstract class TenantOwnedEntity extends IdentifiedEntity {
  @Column({ type: 'varchar', length: 36 })
  tenantId!: string;

  @CreateDateColumn()
  createdAt!: Date;
}

/** A tenant-owned row that is edited after creation. */
export abstract class EditableTenantOwnedEntity extends TenantOwnedEntity {
  @UpdateDateColumn()
  updatedAt!: Date;
}

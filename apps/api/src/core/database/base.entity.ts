import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * SQLite cannot say DEFAULT in an INSERT, so TypeORM inlines the column default there: make it
 * the millisecond, TypeORM-formatted text (MySQL uses its own DEFAULT CURRENT_TIMESTAMP(3)).
 * Keyset cursors compare these timestamps exactly.
 */
export const SQLITE_NOW_MS = () => "strftime('%Y-%m-%d %H:%M:%f', 'now')";

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

  @CreateDateColumn({ default: SQLITE_NOW_MS })
  createdAt!: Date;
}

/** A tenant-owned row that is edited after creation. */
export abstract class EditableTenantOwnedEntity extends TenantOwnedEntity {
  @UpdateDateColumn({ default: SQLITE_NOW_MS })
  updatedAt!: Date;
}

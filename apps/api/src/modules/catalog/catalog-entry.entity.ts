import { Column } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../core/database/base.entity';

/** The shared columns of a funnel stage and an origin item: a named, colored, ordered entry. */
export abstract class CatalogEntryEntity extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** A Tailwind background class such as `bg-green-100`, picked from the palette. */
  @Column({ type: 'varchar', length: 40 })
  color!: string;

  @Column({ type: 'int' })
  position!: number;
}

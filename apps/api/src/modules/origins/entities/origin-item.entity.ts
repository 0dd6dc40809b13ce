import { Column, Entity, Index } from 'typeorm';
import { CatalogEntryEntity } from '../../catalog/catalog-entry.entity';

@Entity('origin_items')
@Index('idx_origin_items_tenant_group', ['tenantId', 'originGroupId', 'position'])
export class OriginItem extends CatalogEntryEntity {
  @Column({ type: 'varchar', length: 36 })
  originGroupId!: string;
}

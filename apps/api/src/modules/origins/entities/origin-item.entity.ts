import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('origin_items')
@Index('idx_origin_items_tenant_group', ['tenantId', 'originGroupId', 'position'])
export class OriginItem extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  originGroupId!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** A Tailwind background class, like funnel stages. */
  @Column({ type: 'varchar', length: 40 })
  color!: string;

  @Column({ type: 'int' })
  position!: number;
}

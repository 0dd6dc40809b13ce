import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('origin_groups')
@Index('idx_origin_groups_tenant', ['tenantId', 'name'])
export class OriginGroup extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 120 })
  name!: string;
}

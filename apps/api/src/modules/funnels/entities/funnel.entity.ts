import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('funnels')
@Index('idx_funnels_tenant', ['tenantId', 'name'])
export class Funnel extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 120 })
  name!: string;
}

import { Column, Entity, Index } from 'typeorm';
import { CatalogEntryEntity } from '../../catalog/catalog-entry.entity';

@Entity('funnel_stages')
@Index('idx_funnel_stages_tenant_funnel', ['tenantId', 'funnelId', 'position'])
export class FunnelStage extends CatalogEntryEntity {
  @Column({ type: 'varchar', length: 36 })
  funnelId!: string;

  /** Reaching this stage means the sale closed. */
  @Column({ type: 'boolean', default: false })
  isWon!: boolean;
}

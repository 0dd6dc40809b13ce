import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('funnel_stages')
@Index('idx_funnel_stages_tenant_funnel', ['tenantId', 'funnelId', 'position'])
export class FunnelStage extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 36 })
  funnelId!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  /** A Tailwind background class such as `bg-green-100`, picked from the palette. */
  @Column({ type: 'varchar', length: 40 })
  color!: string;

  @Column({ type: 'int' })
  position!: number;

  /** Reaching this stage means the sale closed. */
  @Column({ type: 'boolean', default: false })
  isWon!: boolean;
}

import { Column, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';

@Entity('teams')
@Index('uq_teams_tenant_name', ['tenantId', 'name'], { unique: true })
export class Team extends EditableTenantOwnedEntity {
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  funnelId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  originGroupId!: string | null;
}

import { Injectable } from '@nestjs/common';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { CatalogRepository } from '../catalog/catalog.repository';
import { FunnelStage } from './entities/funnel-stage.entity';
import { Funnel } from './entities/funnel.entity';

/** The SQL of funnels and their stages, in the current tenant. */
@Injectable()
export class FunnelsRepository extends CatalogRepository {
  constructor(tables: TenantTables) {
    super(tables, {
      groupEntity: Funnel,
      itemEntity: FunnelStage,
      groupKey: 'funnelId',
      groupEntityName: 'funnel',
      itemEntityName: 'funnel_stage',
      groupLabel: 'Funnel',
      itemLabel: 'Stage',
      hasWonItem: true,
    });
  }
}

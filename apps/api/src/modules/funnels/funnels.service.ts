import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { FunnelStage } from './entities/funnel-stage.entity';
import { Funnel } from './entities/funnel.entity';

@Injectable()
export class FunnelsService extends CatalogService {
  constructor(@InjectDataSource() dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
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

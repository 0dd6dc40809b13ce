import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { OriginGroup } from './entities/origin-group.entity';
import { OriginItem } from './entities/origin-item.entity';

@Injectable()
export class OriginsService extends CatalogService {
  constructor(@InjectDataSource() dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, {
      groupEntity: OriginGroup,
      itemEntity: OriginItem,
      groupKey: 'originGroupId',
      groupEntityName: 'origin_group',
      itemEntityName: 'origin_item',
      groupLabel: 'Origin group',
      itemLabel: 'Origin',
      hasWonItem: false,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { CatalogRepository } from '../catalog/catalog.repository';
import { OriginGroup } from './entities/origin-group.entity';
import { OriginItem } from './entities/origin-item.entity';

/** The SQL of origin groups and their items, in the current tenant. */
@Injectable()
export class OriginsRepository extends CatalogRepository {
  constructor(tables: TenantTables) {
    super(tables, {
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

import { Injectable } from '@nestjs/common';
import { Transactions } from '../../core/database/transactions';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { FunnelsRepository } from './funnels.repository';

@Injectable()
export class FunnelsService extends CatalogService {
  constructor(funnels: FunnelsRepository, transactions: Transactions, audit: AuditService) {
    super(funnels, transactions, audit);
  }
}

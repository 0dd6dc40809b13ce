import { Injectable } from '@nestjs/common';
import { Transactions } from '../../core/database/transactions';
import { AuditService } from '../audit/audit.service';
import { CatalogService } from '../catalog/catalog.service';
import { OriginsRepository } from './origins.repository';

@Injectable()
export class OriginsService extends CatalogService {
  constructor(origins: OriginsRepository, transactions: Transactions, audit: AuditService) {
    super(origins, transactions, audit);
  }
}

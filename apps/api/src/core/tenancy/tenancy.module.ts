import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { TableWriteListeners } from '../database/table-write-listeners';
import { Transactions } from '../database/transactions';
import { TenantContext } from './tenant-context';
import { TenantTables } from './tenant-table';

/**
 * The request-scoped tenant context. Its middleware opens an empty AsyncLocalStorage store before
 * the global guards run, so the tenant guard has somewhere to put the verified tenant.
 */
@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: true } })],
  providers: [TenantContext, TenantTables, Transactions, TableWriteListeners],
  exports: [TenantContext, TenantTables, Transactions, TableWriteListeners],
})
export class TenancyModule {}

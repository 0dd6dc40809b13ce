import { Global, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { TenantContext } from './tenant-context';

/**
 * The request-scoped tenant context. Its middleware opens an empty AsyncLocalStorage store before
 * the global guards run, so the tenant guard has somewhere to put the verified tenant.
 */
@Global()
@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: true } })],
  providers: [TenantContext],
  exports: [TenantContext],
})
export class TenancyModule {}

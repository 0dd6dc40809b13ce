import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditService } from './audit.service';
import { ImpersonationAuditInterceptor } from './impersonation-audit.interceptor';

/** Global: every module records its administrative changes. The read API comes with the audit screen. */
@Global()
@Module({
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: ImpersonationAuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}

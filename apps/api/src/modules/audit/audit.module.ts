import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditService } from './audit.service';
import { ImpersonationAuditInterceptor } from './impersonation-audit.interceptor';

/** Global: every module records its administrative changes through AuditService. */
@Global()
@Module({
  controllers: [AuditLogController],
  providers: [AuditService, AuditLogService, { provide: APP_INTERCEPTOR, useClass: ImpersonationAuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}

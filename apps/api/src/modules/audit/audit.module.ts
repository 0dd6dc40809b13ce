import { Global, Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { ImpersonationAuditHook } from './impersonation-audit.hook';

/** Global: every module records its administrative changes through AuditService. */
@Global()
@Module({
  controllers: [AuditLogController],
  providers: [AuditService, AuditLogService, AuditRepository, ImpersonationAuditHook],
  exports: [AuditService, ImpersonationAuditHook],
})
export class AuditModule {}

import { Role, type AuditLogView, type Page } from '@fasto/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { AuditLogService } from './audit-log.service';
import { ListAuditLogsQuery } from './dto/list-audit-logs.query';

@ApiTags('audit')
@Controller('audit-logs')
export class AuditLogController {
  constructor(private readonly auditLogs: AuditLogService) {}

  @Get()
  @Authorized(Role.Admin, Role.SuperAdmin)
  @ApiOperation({ summary: 'Audit log, newest first (admins: own tenant; super admins: all or ?tenantId=)' })
  list(@CurrentUser() principal: UserPrincipal, @Query() query: ListAuditLogsQuery): Promise<Page<AuditLogView>> {
    return this.auditLogs.list(principal, query);
  }
}

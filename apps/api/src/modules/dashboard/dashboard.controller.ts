import { Role, type DashboardResponse } from '@fasto/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { DashboardQuery } from './dashboard.query';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({
    summary: 'KPIs with the previous period, pies by stage and origin, per-agent rows, daily series',
    description:
      'Days are in the tenant’s time zone; default range: the last 30 days. Agents see their own numbers, managers their team. ' +
      'No text is translated here: the others slice of a pie comes as `id: null, name: null`, and an agent row without a name says why in ' +
      '`agentState` (`removed`: the user was deleted; `none`: attendances that named no known agent).',
  })
  get(@CurrentUser() principal: UserPrincipal, @Query() query: DashboardQuery): Promise<DashboardResponse> {
    return this.dashboard.get(principal, query);
  }
}

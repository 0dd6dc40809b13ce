import { Role, type OwnTenant } from '@fasto/contracts';
import { Body, Controller, Get, Patch, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { UpdateOwnTenantDto } from './dto/update-own-tenant.dto';
import { OwnTenantService } from './own-tenant.service';

@ApiTags('tenant')
@Controller('tenant')
export class OwnTenantController {
  constructor(private readonly ownTenant: OwnTenantService) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({ summary: 'Your organization: name, branding, time zone, thresholds' })
  get(): Promise<OwnTenant> {
    return this.ownTenant.get();
  }

  @Patch()
  @Authorized(Role.Admin)
  @ApiOperation({ summary: 'Change name, branding, time zone, locale and notification thresholds' })
  update(@CurrentUser() principal: UserPrincipal, @Body() request: UpdateOwnTenantDto, @Req() http: FastifyRequest): Promise<OwnTenant> {
    return this.ownTenant.update(principal, request, requestContext(http));
  }
}

import { Role, type Page, type TenantDetail, type TenantSummary, type TenantsOverview } from '@fasto/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { CreateTenantDto } from './dto/create-tenant.dto';
import { ListTenantsQuery } from './dto/list-tenants.query';
import { UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantLifecycleService } from './tenant-lifecycle.service';
import { TenantsService } from './tenants.service';

const uuid = new ParseUUIDPipe();

/** The SaaS console: super admins only. */
@ApiTags('tenants')
@Controller('tenants')
@Authorized(Role.SuperAdmin)
export class TenantsController {
  constructor(
    private readonly tenants: TenantsService,
    private readonly lifecycle: TenantLifecycleService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Tenants with status, plan, usage and last activity' })
  list(@Query() query: ListTenantsQuery): Promise<Page<TenantSummary>> {
    return this.tenants.list(query);
  }

  @Get('overview')
  @ApiOperation({ summary: 'Cross-tenant totals' })
  overview(): Promise<TenantsOverview> {
    return this.tenants.overview();
  }

  @Post()
  @ApiOperation({ summary: 'Create a tenant in trial and invite its first admin' })
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateTenantDto, @Req() http: FastifyRequest): Promise<TenantDetail> {
    return this.tenants.create(principal, request, requestContext(http));
  }

  @Get(':id')
  get(@Param('id', uuid) id: string): Promise<TenantDetail> {
    return this.tenants.get(id);
  }

  @Patch(':id')
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateTenantDto,
    @Req() http: FastifyRequest,
  ): Promise<TenantDetail> {
    return this.tenants.update(principal, id, request, requestContext(http));
  }

  @Post(':id/suspend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close access at once (logins, tokens, API keys); data is kept' })
  suspend(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<TenantDetail> {
    return this.lifecycle.transition(principal, id, 'suspend', requestContext(http));
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make a trial, suspended or cancelled tenant active' })
  reactivate(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<TenantDetail> {
    return this.lifecycle.transition(principal, id, 'reactivate', requestContext(http));
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel: access closed, data kept' })
  cancel(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<TenantDetail> {
    return this.lifecycle.transition(principal, id, 'cancel', requestContext(http));
  }
}

import type { FunnelView, IntegrationUser, OriginGroupView } from '@fasto/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentTenant } from '../../core/decorators/current-principal.decorator';
import { IntegrationRoute } from '../../core/decorators/integration-route.decorator';
import { IntegrationCatalogService } from './integration-catalog.service';

/** The n8n side of Fasto: tenant API keys only (`X-Api-Key: fst_…` or `Authorization: Bearer fst_…`). */
@ApiTags('integration')
@Controller('integration')
@IntegrationRoute()
export class IntegrationController {
  constructor(private readonly catalog: IntegrationCatalogService) {}

  @Get('users')
  @ApiOperation({ summary: 'Active agents and managers: id, name, email, team' })
  async users(@CurrentTenant() tenantId: string): Promise<{ items: IntegrationUser[] }> {
    return { items: await this.catalog.users(tenantId) };
  }

  @Get('funnels')
  @ApiOperation({ summary: 'Funnels with their ordered stages and the teams that use them' })
  async funnels(@CurrentTenant() tenantId: string): Promise<{ items: FunnelView[] }> {
    return { items: await this.catalog.funnelList(tenantId) };
  }

  @Get('origins')
  @ApiOperation({ summary: 'Origin groups with their ordered items and the teams that use them' })
  async origins(@CurrentTenant() tenantId: string): Promise<{ items: OriginGroupView[] }> {
    return { items: await this.catalog.originList(tenantId) };
  }
}

import { Module } from '@nestjs/common';
import { FunnelsModule } from '../funnels/funnels.module';
import { OriginsModule } from '../origins/origins.module';
import { TenantsModule } from '../tenants/tenants.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { IntegrationCatalogService } from './integration-catalog.service';
import { IntegrationController } from './integration.controller';

@Module({
  imports: [TenantsModule, FunnelsModule, OriginsModule],
  controllers: [ApiKeysController, IntegrationController],
  providers: [ApiKeysService, IntegrationCatalogService],
})
export class IntegrationModule {}

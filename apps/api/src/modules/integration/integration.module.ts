import { Module } from '@nestjs/common';
import { AttendancesModule } from '../attendances/attendances.module';
import { FunnelsModule } from '../funnels/funnels.module';
import { OriginsModule } from '../origins/origins.module';
import { TenantsModule } from '../tenants/tenants.module';
import { ApiKeyLookupModule } from './api-key-lookup.module';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AttendanceSyncRepository } from './attendance-sync.repository';
import { AttendanceSyncService } from './attendance-sync.service';
import { IntegrationAttendancesController } from './integration-attendances.controller';
import { IntegrationCatalogRepository } from './integration-catalog.repository';
import { IntegrationCatalogService } from './integration-catalog.service';
import { BatchIngestService } from './batch-ingest.service';
import { BatchIngestWriter } from './batch-ingest.writer';
import { IngestRepository } from './ingest.repository';
import { IngestService } from './ingest.service';
import { IntegrationController } from './integration.controller';
import { IntegrationRateLimitGuard } from './integration-rate-limit.guard';

@Module({
  imports: [ApiKeyLookupModule, TenantsModule, FunnelsModule, OriginsModule, AttendancesModule],
  controllers: [ApiKeysController, IntegrationController, IntegrationAttendancesController],
  providers: [
    ApiKeysService,
    IntegrationCatalogService,
    IntegrationCatalogRepository,
    IngestService,
    IngestRepository,
    BatchIngestService,
    BatchIngestWriter,
    IntegrationRateLimitGuard,
    AttendanceSyncRepository,
    AttendanceSyncService,
  ],
})
export class IntegrationModule {}

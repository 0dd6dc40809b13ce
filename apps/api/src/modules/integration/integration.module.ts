import { Module } from '@nestjs/common';
import { registerFastCheck } from '../../core/validation/fast-check';
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
import { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { validIngestItem } from './dto/ingest-attendance.fast-check';
import { BatchIngestDto } from './dto/batch-ingest.dto';
import { validBatchEnvelope } from './dto/batch-ingest.fast-check';

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
export class IntegrationModule {
  constructor() {
    // A single post's body is checked like each batch item: the fast check first (QUALITY P3).
    registerFastCheck(IngestAttendanceDto, validIngestItem);
    registerFastCheck(BatchIngestDto, validBatchEnvelope);
  }
}

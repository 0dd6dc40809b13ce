import { Module } from '@nestjs/common';
import { AttendanceListRepository } from './attendance-list.repository';
import { AttendanceNamesRepository } from './attendance-names.repository';
import { AttendancesController } from './attendances.controller';
import { AttendancesRepository } from './attendances.repository';
import { AttendancesService } from './attendances.service';
import { AttendanceExportService } from './export/attendance-export.service';
import { RollupRebuildService } from './rollups/rollup-rebuild.service';
import { RollupWriter } from './rollups/rollup-writer.service';
import { RollupsRepository } from './rollups/rollups.repository';
import { TimezoneChangeListener } from './rollups/timezone-change.listener';
import { TenantTimezoneRepository } from './tenant-timezone.repository';
import { TenantTimezones } from './tenant-timezones';

@Module({
  controllers: [AttendancesController],
  providers: [
    AttendancesService,
    AttendanceExportService,
    AttendancesRepository,
    AttendanceListRepository,
    AttendanceNamesRepository,
    RollupWriter,
    RollupsRepository,
    RollupRebuildService,
    TenantTimezoneRepository,
    TenantTimezones,
    TimezoneChangeListener,
  ],
  exports: [RollupWriter, RollupsRepository, RollupRebuildService, TenantTimezones, TimezoneChangeListener],
})
export class AttendancesModule {}

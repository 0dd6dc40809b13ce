import { Module } from '@nestjs/common';
import { AttendanceLookups } from './attendance-lookups';
import { AttendancesController } from './attendances.controller';
import { AttendancesService } from './attendances.service';
import { AttendanceExportService } from './export/attendance-export.service';
import { RollupRebuildService } from './rollups/rollup-rebuild.service';
import { RollupWriter } from './rollups/rollup-writer.service';
import { TimezoneChangeListener } from './rollups/timezone-change.listener';
import { TenantTimezones } from './tenant-timezones';

@Module({
  controllers: [AttendancesController],
  providers: [AttendancesService, AttendanceExportService, AttendanceLookups, RollupWriter, RollupRebuildService, TenantTimezones, TimezoneChangeListener],
  exports: [RollupWriter, RollupRebuildService, TenantTimezones, TimezoneChangeListener],
})
export class AttendancesModule {}

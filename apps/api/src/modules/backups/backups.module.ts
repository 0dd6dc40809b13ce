import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config';
import { BackupJob } from './backup.job';
import { BackupService } from './backup.service';

@Module({
  providers: [BackupJob, { provide: BackupService, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new BackupService(config) }],
})
export class BackupsModule {}

import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { GoalsModule } from '../goals/goals.module';
import { DigestBuilder } from './digest-builder';
import { DigestJob } from './digest.job';
import { DigestSender } from './digest-sender';
import { DigestsRepository } from './digests.repository';

/** Daily and weekly digest e-mails for managers and admins (the `digests.send` job). */
@Module({
  imports: [DashboardModule, GoalsModule],
  providers: [DigestsRepository, DigestBuilder, DigestSender, DigestJob],
})
export class DigestsModule {}

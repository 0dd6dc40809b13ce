import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { DigestBuilder } from './digest-builder';
import { DigestGoalProgress, NoDigestGoalProgress } from './digest-goal-progress';
import { DigestJob } from './digest.job';
import { DigestSender } from './digest-sender';
import { DigestsRepository } from './digests.repository';

/** Daily and weekly digest e-mails for managers and admins (the `digests.send` job). */
@Module({
  imports: [DashboardModule],
  providers: [
    DigestsRepository,
    DigestBuilder,
    DigestSender,
    DigestJob,
    // The goals module replaces this with its progress service; the digest leaves the section out until then.
    { provide: DigestGoalProgress, useClass: NoDigestGoalProgress },
  ],
})
export class DigestsModule {}

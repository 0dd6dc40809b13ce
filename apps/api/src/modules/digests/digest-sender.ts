import { Role } from '@fasto/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { MailerService } from '../../core/mail/mailer.service';
import { DigestBuilder, type DigestFigures } from './digest-builder';
import { digestEmail } from './digest-email';
import type { DigestPeriod } from './digest-periods';
import { DigestsRepository, type DigestTenant } from './digests.repository';

/**
 * Sends one tenant's due digests, in that tenant's scope. Each recipient's digest is claimed
 * (digest_deliveries' unique key) before it is measured and sent, so a retried run or another
 * instance never sends it twice; a claim whose e-mail failed is given back for the next run.
 */
@Injectable()
export class DigestSender {
  private readonly logger = new Logger(DigestSender.name);

  constructor(
    private readonly repository: DigestsRepository,
    private readonly builder: DigestBuilder,
    private readonly mailer: MailerService,
  ) {}

  async sendDue(tenant: DigestTenant, periods: DigestPeriod[], now: Date): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (const period of periods) {
      // Admins share the tenant's figures, a team's managers the team's: measured once per run.
      const figures = new Map<string, Promise<DigestFigures>>();
      for (const recipient of await this.repository.recipients(period.kind, period.from)) {
        // A manager outside any team has no dashboard to sum up.
        if (recipient.role === Role.Manager && !recipient.teamId) continue;
        const claim = await this.repository.claim(recipient.id, period.kind, period.from);
        if (!claim) continue;
        try {
          const scope = recipient.role === Role.Manager ? `team:${recipient.teamId}` : 'tenant';
          if (!figures.has(scope)) figures.set(scope, this.builder.figures(tenant, recipient, period, now));
          const content = this.builder.personalize(await (figures.get(scope) as Promise<DigestFigures>), tenant, recipient);
          await this.mailer.send(digestEmail(recipient.email, content));
          await this.repository.markSent(claim, now);
          sent++;
        } catch (error) {
          failed++;
          await this.repository.release(claim);
          this.logger.error({ err: error, tenantId: tenant.id, userId: recipient.id, kind: period.kind, periodStart: period.from }, 'Digest could not be sent');
        }
      }
    }
    return { sent, failed };
  }
}

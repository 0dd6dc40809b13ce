import { languageOf, Role, TenantStatus, type DashboardAgentRow } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { addDays, startOfDayUtc } from '../../core/time/tenant-days';
import { DashboardService } from '../dashboard/dashboard.service';
import { effectiveSettings } from '../tenants/tenant-settings';
import type { DigestContent } from './digest-content';
import { GoalSummaries } from '../goals/goal-summaries.service';
import { DIGEST_GOAL_PERIODS } from './digest-goals';
import type { DigestPeriod } from './digest-periods';
import { DigestsRepository, type DigestRecipient, type DigestTenant } from './digests.repository';

/** How many agents the digest names at the top, at the bottom and among the alerts. */
const AGENTS_SHOWN = 3;

/** What every recipient with the same scope and period is told (an admin's: the tenant; a manager's: their team). */
export type DigestFigures = Omit<DigestContent, 'locale' | 'recipientName' | 'dashboardUrl'>;

/**
 * Measures a digest in the recipient's tenant scope: the KPIs and agents through the dashboard
 * service itself (the rollups, so the e-mail says what the dashboard says for the same days),
 * the goal lines from `GoalSummaries`, the alerts with the tenant's thresholds.
 */
@Injectable()
export class DigestBuilder {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly repository: DigestsRepository,
    private readonly goals: GoalSummaries,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async figures(tenant: DigestTenant, recipient: DigestRecipient, period: DigestPeriod, now: Date): Promise<DigestFigures> {
    const teamId = recipient.role === Role.Manager ? recipient.teamId : null;
    const settings = effectiveSettings(tenant.settings);
    const [dashboard, goals, alerts, teamName] = await Promise.all([
      this.dashboard.get(principalOf(tenant, recipient), { from: period.from, to: period.to, sort: 'converted' }),
      Promise.all(DIGEST_GOAL_PERIODS[period.kind].map(({ which, periods }) => this.goals.of(teamId, which, periods, now))).then((lists) => lists.flat()),
      this.repository.alerts(teamId, startOfDayUtc(period.from, tenant.timezone), startOfDayUtc(addDays(period.to, 1), tenant.timezone), {
        lowScore: settings.lowScoreThreshold,
        slaMinutes: settings.firstResponseSlaMinutes,
      }),
      this.repository.teamName(teamId),
    ]);
    const ranked = dashboard.byAgent.filter((row) => row.agentState === 'known');
    const top = ranked.slice(0, AGENTS_SHOWN);
    const bottom = ranked.slice(Math.max(AGENTS_SHOWN, ranked.length - AGENTS_SHOWN)).reverse();
    return {
      organization: tenant.name,
      teamName,
      period,
      totals: dashboard.totals,
      previousTotals: dashboard.previousTotals,
      goals,
      topAgents: top,
      bottomAgents: bottom satisfies DashboardAgentRow[],
      alerts: {
        lowScores: alerts.reduce((sum, row) => sum + row.lowScores, 0),
        slowResponses: alerts.reduce((sum, row) => sum + row.slowResponses, 0),
        lowScoreThreshold: settings.lowScoreThreshold,
        slaMinutes: settings.firstResponseSlaMinutes,
        agents: alerts
          .sort((a, b) => b.lowScores + b.slowResponses - (a.lowScores + a.slowResponses) || (a.name ?? '').localeCompare(b.name ?? ''))
          .slice(0, AGENTS_SHOWN),
      },
    };
  }

  /** The recipient's own digest: their name and language, and the dashboard link with the same filters. */
  personalize(figures: DigestFigures, tenant: DigestTenant, recipient: DigestRecipient): DigestContent {
    const query = new URLSearchParams({ range: 'custom', from: figures.period.from, to: figures.period.to });
    if (recipient.role === Role.Manager && recipient.teamId) query.set('teamId', recipient.teamId);
    return {
      ...figures,
      locale: languageOf(recipient.locale ?? tenant.locale),
      recipientName: recipient.fullName,
      dashboardUrl: `${this.config.publicUrl}/dashboard?${query.toString()}`,
    };
  }
}

/** The recipient as the dashboard sees a signed-in user: same role, same team, so the same scope rules. */
const principalOf = (tenant: DigestTenant, recipient: DigestRecipient): UserPrincipal => ({
  kind: 'user',
  userId: recipient.id,
  email: recipient.email,
  tenantId: tenant.id,
  tenantStatus: TenantStatus.Active,
  role: recipient.role,
  teamId: recipient.teamId,
  sessionId: null,
  impersonatorId: null,
});

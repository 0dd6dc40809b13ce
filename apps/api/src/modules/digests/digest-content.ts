import type { DashboardAgentRow, DashboardTotals, SupportedLocale } from '@fasto/contracts';
import type { GoalSummary } from '../goals/goal-summaries.service';
import type { DigestPeriod } from './digest-periods';

/** Everything one digest e-mail says, measured and named; the renderer only formats and escapes. */
export interface DigestContent {
  locale: SupportedLocale;
  recipientName: string;
  organization: string;
  /** The team a manager's digest covers; null for an admin's (the whole organization). */
  teamName: string | null;
  period: DigestPeriod;
  totals: DashboardTotals;
  previousTotals: DashboardTotals;
  goals: GoalSummary[];
  /** Best first. */
  topAgents: DashboardAgentRow[];
  /** Weakest first; never one of the top agents. */
  bottomAgents: DashboardAgentRow[];
  alerts: {
    lowScores: number;
    slowResponses: number;
    lowScoreThreshold: number;
    slaMinutes: number;
    /** The agents with the most alerts, most first. */
    agents: { name: string | null; lowScores: number; slowResponses: number }[];
  };
  dashboardUrl: string;
}

import { RATE_GOAL_METRICS, type GoalMetric } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BackgroundWork } from '../../core/background/background-work.service';
import { DomainEvents, type AttendanceRecorded } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { Goal } from './entities/goal.entity';
import { GoalAlerts } from './goal-alerts.service';
import { TenantGoals } from './tenant-goals';

/** Could these attendances move this goal: the tenant's always, a team's or an agent's when one of them is theirs. */
function touches(goal: Goal, records: AttendanceRecorded[]): boolean {
  if (goal.scope === 'tenant') return true;
  return records.some(({ before, after }) =>
    (goal.scope === 'team' ? [before?.teamId, after.teamId] : [before?.userId, after.userId]).includes(goal.teamId ?? goal.userId ?? ''),
  );
}

/**
 * After an ingest or an edit commits (the rollups it wrote are then visible), checks the totals
 * goals it could have moved and says "meta batida" once. It runs as background work, so the
 * ingest answers without waiting; rates are judged when their period ends (GoalCheckJob).
 */
@Injectable()
export class GoalIngestListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly background: BackgroundWork,
    private readonly context: TenantContext,
    private readonly goals: TenantGoals,
    private readonly alerts: GoalAlerts,
  ) {}

  onModuleInit(): void {
    this.events.on('attendance.recorded', (event) => this.later(event.tenantId, [event]));
    this.events.on('attendances.recorded', (event) => this.later(event.tenantId, event.records));
  }

  private later(tenantId: string, records: AttendanceRecorded[]): void {
    this.background.run('goals: reached after ingest', () => this.context.runInTenant(tenantId, () => this.check(records)));
  }

  private async check(records: AttendanceRecorded[]): Promise<void> {
    const goals = (await this.goals.current()).filter((goal) => !RATE_GOAL_METRICS.includes(goal.metric as GoalMetric) && touches(goal, records));
    await this.alerts.reached(goals, 'current', new Date());
  }
}

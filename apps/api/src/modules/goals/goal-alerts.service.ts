import { NotificationType, Role, type GoalProgressPeriod, type GoalProgressView } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import { DomainEvents } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { NotificationWriter } from '../notifications/notification-writer.service';
import type { Goal } from './entities/goal.entity';
import { GoalProgressService } from './goal-progress.service';
import { TriggersRepository, type Recipient } from '../notifications/triggers/triggers.repository';
import { GoalsRepository } from './goals.repository';

/** What happens to a goal at most once per period. `midpoint` is recorded whatever the pace; only a goal behind it notifies. */
export type GoalEventKind = 'reached' | 'midpoint';

const NOTIFIED: Record<GoalEventKind, NotificationType> = { reached: NotificationType.GoalReached, midpoint: NotificationType.GoalBehindPace };

/**
 * "Meta batida" and "behind pace at mid-period", each once per goal and period: the goal_events
 * unique key decides which of racing checks (ingests, instances, job retries) notifies, and the
 * notification's event key would drop a repeat as well. Runs in the goals' tenant.
 */
@Injectable()
export class GoalAlerts {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly progress: GoalProgressService,
    private readonly writer: NotificationWriter,
    private readonly people: TriggersRepository,
    private readonly transactions: Transactions,
    private readonly context: TenantContext,
    private readonly events: DomainEvents,
  ) {}

  /** Notifies the goals among `goals` that reached their target in the period. */
  async reached(goals: Goal[], which: GoalProgressPeriod, now: Date): Promise<number> {
    return this.check(goals, which, 'reached', now, (item) => item.reached);
  }

  /** Once half of the running period is gone: records the midpoint, and notifies the goals behind pace. */
  async midpoint(goals: Goal[], now: Date): Promise<number> {
    return this.check(
      goals,
      'current',
      'midpoint',
      now,
      (item) => item.status === 'behind',
      (item) => item.elapsed >= 0.5,
    );
  }

  private async check(
    goals: Goal[],
    which: GoalProgressPeriod,
    kind: GoalEventKind,
    now: Date,
    notifies: (item: GoalProgressView) => boolean,
    due: (item: GoalProgressView) => boolean = notifies,
  ): Promise<number> {
    if (goals.length === 0) return 0;
    const items = await this.progress.of(goals, which, now);
    const done = await this.goals.eventsOf(
      items.map((item) => item.goal.id),
      [...new Set(items.map((item) => item.periodStart))],
      kind,
    );
    let notified = 0;
    for (const item of items.filter((candidate) => due(candidate) && !done.has(`${candidate.goal.id}|${candidate.periodStart}|${kind}`))) {
      const sent = await this.transactions.run(async () => {
        if (!(await this.goals.recordOnce(newId(), { goalId: item.goal.id, periodStart: item.periodStart, kind }))) return false;
        if (!notifies(item)) return false;
        if (kind === 'reached') await this.publishReached(item);
        await this.notify(item, kind);
        return true;
      });
      if (sent) notified++;
    }
    return notified;
  }

  /** For outbound webhooks (`goal.reached`): queued in the transaction that records the event once. */
  private publishReached({ goal, periodStart, periodEnd, actual, target }: GoalProgressView): Promise<void> {
    return this.events.publish('goal.reached', {
      tenantId: this.context.tenantId(),
      goalId: goal.id,
      scope: goal.scope,
      teamId: goal.teamId,
      userId: goal.userId,
      metric: goal.metric,
      period: goal.period,
      periodStart,
      periodEnd,
      actual,
      target,
    });
  }

  private async notify(item: GoalProgressView, kind: GoalEventKind): Promise<void> {
    const { goal } = item;
    const agent = goal.userId ? await this.people.member(goal.userId) : null;
    const team = goal.teamId ? await this.people.team(goal.teamId) : null;
    const leaders = await this.people.adminsAndTeamManagers(goal.scope === 'team' ? goal.teamId : (agent?.teamId ?? null));
    const tenantId = this.context.tenantId();
    await this.writer.deliver(
      addressees(leaders, goal, agent?.isActive && kind === 'reached' ? agent.id : null).map((userId) => ({
        tenantId,
        userId,
        type: NOTIFIED[kind],
        data: {
          metric: goal.metric,
          period: goal.period,
          periodStart: item.periodStart,
          subject: agent?.fullName ?? team?.name ?? null,
          actual: item.actual,
          target: item.target,
          expected: item.expected,
        },
        link: '/dashboard',
        eventKey: `goal.${kind}:${goal.id}:${item.periodStart}`,
      })),
    );
  }
}

/**
 * Who hears about a goal: an agent's goal, the agent (`agentId`: only when reached) and their
 * team's managers; a team's goal, its managers; the tenant's, the admins. Without a manager to
 * tell, the admins. `leaders`: the admins and the managers of the team concerned.
 */
function addressees(leaders: Recipient[], goal: GoalProgressView['goal'], agentId: string | null): string[] {
  const admins = leaders.filter((person) => person.role === Role.Admin).map((person) => person.userId);
  if (goal.scope === 'tenant') return admins;
  const managers = leaders.filter((person) => person.role === Role.Manager).map((person) => person.userId);
  return [...(agentId ? [agentId] : []), ...(managers.length > 0 ? managers : admins)];
}

import { ErrorCode, type GoalMetric, type GoalProgressResponse, type GoalView } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { apiError } from '../../core/errors/api-error';
import type { RequestContext } from '../../core/http/request-context';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { todayIn } from '../../core/time/tenant-days';
import { resolveScope } from '../attendances/attendance-scope';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { CreateGoalDto, UpdateGoalDto } from './dto/goal.dto';
import type { GoalProgressQuery } from './dto/goal-progress.query';
import type { Goal } from './entities/goal.entity';
import { GoalProgressService } from './goal-progress.service';
import { assertFigures, assertMaySet, assertSubject, mayManage, visibleGoals } from './goal-rules';
import { toGoalView } from './goal.mapper';
import { GoalsRepository } from './goals.repository';
import { TenantGoals } from './tenant-goals';

const GOAL_EXISTS = 'This scope already has a goal for this metric and period';

/** Goals of the current tenant: who may see and set which, one per (scope, metric, period), audited. */
@Injectable()
export class GoalsService {
  constructor(
    private readonly goals: GoalsRepository,
    private readonly progress: GoalProgressService,
    private readonly timezones: TenantTimezones,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly tenantGoals: TenantGoals,
    private readonly context: TenantContext,
  ) {}

  async list(principal: UserPrincipal): Promise<{ items: GoalView[] }> {
    return { items: (await this.goals.list(visibleGoals(principal))).map(toGoalView) };
  }

  /** Scoped like the dashboard: agents see themselves, managers their team (and may narrow to one agent). */
  async progressOf(principal: UserPrincipal, query: GoalProgressQuery): Promise<GoalProgressResponse> {
    const scope = resolveScope(principal, query);
    const period = query.period ?? 'current';
    return { period, items: await this.progress.forScope(scope, period) };
  }

  async create(principal: UserPrincipal, request: CreateGoalDto, context: RequestContext): Promise<GoalView> {
    assertSubject(request);
    assertFigures(request.metric, request);
    const teamId = request.scope === 'team' ? (request.teamId ?? null) : null;
    const userId = request.scope === 'user' ? (request.userId ?? null) : null;
    if (teamId && !(await this.goals.team(teamId))) throw new NotFoundException('Team not found');
    const member = userId ? await this.goals.member(userId) : null;
    if (userId && !member) throw new NotFoundException('User not found');
    assertMaySet(principal, { scope: request.scope, teamId }, member?.teamId);
    const id = newId();
    const activeFrom = request.activeFrom ?? todayIn(await this.timezones.current());
    const values = { scope: request.scope, teamId, userId, metric: request.metric, period: request.period, target: request.target, activeFrom };
    return this.write(async () => {
      await this.goals.insert({ id, ...values, subjectKey: teamId ?? userId ?? 'tenant', createdBy: principal.userId });
      await this.record(principal, 'goal.created', id, values, context);
      return this.find(id);
    });
  }

  async update(principal: UserPrincipal, id: string, request: UpdateGoalDto, context: RequestContext): Promise<GoalView> {
    return this.write(async () => {
      const before = await this.editable(principal, id);
      assertFigures(before.metric as GoalMetric, request);
      const changes = auditDiff({ ...before, target: Number(before.target) }, request);
      if (Object.keys(changes).length > 0) {
        await this.goals.update(before.id, request);
        await this.record(principal, 'goal.updated', before.id, changes, context);
      }
      return this.find(before.id);
    });
  }

  async remove(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.write(async () => {
      const goal = await this.editable(principal, id);
      await this.goals.delete(goal.id);
      const { scope, teamId, userId, metric, period, target } = toGoalView(goal);
      await this.record(principal, 'goal.deleted', goal.id, { scope, teamId, userId, metric, period, target }, context);
    });
  }

  /** 404 for a goal the caller cannot see (another tenant's, another team's); 403 for one they see but may not set (a manager, a tenant goal). */
  private async editable(principal: UserPrincipal, id: string): Promise<Goal> {
    const goal = await this.goals.find(id);
    if (!goal) throw new NotFoundException('Goal not found');
    const member = goal.userId ? await this.goals.member(goal.userId) : null;
    if (goal.scope !== 'tenant' && !mayManage(principal, goal, member?.teamId)) throw new NotFoundException('Goal not found');
    assertMaySet(principal, goal, member?.teamId);
    return goal;
  }

  /** Commits a change (409 for a second goal of a scope, metric and period) and has the ingest check read the goals again. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await this.transactions.run(work);
      this.tenantGoals.forget(this.context.tenantId());
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.GoalExists, GOAL_EXISTS));
      throw error;
    }
  }

  private async find(id: string): Promise<GoalView> {
    const goal = await this.goals.find(id);
    if (!goal) throw new NotFoundException('Goal not found');
    return toGoalView(goal);
  }

  private record(principal: UserPrincipal, action: string, id: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record({
      tenantId: principal.tenantId,
      actorId: principal.userId,
      impersonatorId: principal.impersonatorId,
      action,
      entity: 'goal',
      entityId: id,
      changes,
      ...context,
    });
  }
}

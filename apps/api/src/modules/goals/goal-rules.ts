import { ErrorCode, GOAL_TARGET_LIMITS, Role, type GoalMetric } from '@fasto/contracts';
import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { apiError } from '../../core/errors/api-error';
import { isValidDay } from '../../core/time/tenant-days';
import type { CreateGoalDto } from './dto/goal.dto';
import type { GoalFilter } from './goals.repository';

const invalid = (field: string, message: string) => new BadRequestException(apiError(ErrorCode.ValidationFailed, message, [{ field, messages: [message] }]));

/** A team goal names its team only, an agent goal its agent only, a tenant goal neither. */
export function assertSubject(request: Pick<CreateGoalDto, 'scope' | 'teamId' | 'userId'>): void {
  if (request.scope !== 'team' && request.teamId !== undefined) throw invalid('teamId', `teamId is only for a team goal`);
  if (request.scope !== 'user' && request.userId !== undefined) throw invalid('userId', `userId is only for an agent goal`);
}

/** The metric's range and precision (GOAL_TARGET_LIMITS), and a real calendar day. */
export function assertFigures(metric: GoalMetric, fields: { target?: number; activeFrom?: string }): void {
  const limits = GOAL_TARGET_LIMITS[metric];
  const { target, activeFrom } = fields;
  if (target !== undefined) {
    if (target < limits.min || target > limits.max) throw invalid('target', `target must be between ${limits.min} and ${limits.max} for ${metric}`);
    if (Math.round(target * 10 ** limits.decimals) / 10 ** limits.decimals !== target) {
      throw invalid('target', `target takes at most ${limits.decimals} decimals for ${metric}`);
    }
  }
  if (activeFrom !== undefined && !isValidDay(activeFrom)) throw invalid('activeFrom', 'activeFrom is not a valid date');
}

/** The goals a caller lists: admins all; managers the tenant's, their team's and their agents'; agents their own. */
export function visibleGoals(principal: UserPrincipal): GoalFilter {
  if (principal.role === Role.Admin) return { all: true };
  if (principal.role === Role.Manager) return { teamId: principal.teamId ?? '', withTenant: true };
  return { userId: principal.userId };
}

/** Admins set any goal; a manager only their own team's and their own agents' (`memberTeamId`: the agent's team). */
export function mayManage(principal: UserPrincipal, goal: { scope: string; teamId?: string | null }, memberTeamId?: string | null): boolean {
  if (principal.role === Role.Admin) return true;
  if (principal.role !== Role.Manager || principal.teamId === null) return false;
  return goal.scope === 'team' ? goal.teamId === principal.teamId : goal.scope === 'user' && memberTeamId === principal.teamId;
}

export function assertMaySet(principal: UserPrincipal, goal: { scope: string; teamId?: string | null }, memberTeamId?: string | null): void {
  if (!mayManage(principal, goal, memberTeamId)) throw new ForbiddenException('Managers set goals only for their own team and its agents');
}

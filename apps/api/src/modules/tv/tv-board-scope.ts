import { Role } from '@fasto/contracts';
import { ForbiddenException } from '@nestjs/common';
import type { Principal } from '../../core/auth/principal';

/** Whose board: a TV link shows its own team (or the organization), a manager their team, an admin any. */
export function boardTeamOf(principal: Principal, requestedTeamId: string | undefined): string | null {
  if (principal.kind === 'tv_link') {
    if (requestedTeamId && requestedTeamId !== principal.teamId) throw new ForbiddenException('This TV link shows another board');
    return principal.teamId;
  }
  if (principal.kind !== 'user') throw new ForbiddenException('The TV board is for TV links and signed-in users');
  if (principal.role === Role.Admin) return requestedTeamId ?? null;
  if (!principal.teamId) throw new ForbiddenException('You are not in a team yet; ask an admin to add you to one');
  if (requestedTeamId && requestedTeamId !== principal.teamId) throw new ForbiddenException('You can only see your own team');
  return principal.teamId;
}

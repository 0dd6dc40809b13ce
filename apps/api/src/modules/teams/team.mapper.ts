import type { TeamMember, TeamView } from '@fasto/contracts';
import type { User } from '../users/entities/user.entity';
import type { Team } from './entities/team.entity';

export interface TeamContext {
  funnelNames: Map<string, string>;
  originGroupNames: Map<string, string>;
  memberCounts: Map<string, number>;
}

export const toTeamMember = (user: User): TeamMember => ({ id: user.id, fullName: user.fullName, email: user.email, role: user.role, isActive: user.isActive });

export function toTeamView(team: Team, context: TeamContext, members?: User[]): TeamView {
  return {
    id: team.id,
    name: team.name,
    funnelId: team.funnelId,
    funnelName: team.funnelId ? (context.funnelNames.get(team.funnelId) ?? null) : null,
    originGroupId: team.originGroupId,
    originGroupName: team.originGroupId ? (context.originGroupNames.get(team.originGroupId) ?? null) : null,
    memberCount: context.memberCounts.get(team.id) ?? 0,
    ...(members ? { members: members.map(toTeamMember) } : {}),
    createdAt: team.createdAt.toISOString(),
  };
}

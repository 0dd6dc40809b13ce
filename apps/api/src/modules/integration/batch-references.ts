import { Equal, In, type EntityManager } from 'typeorm';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { pickReference, type ResolvedReferences } from './ingest-references';

/**
 * resolveReferences for a whole batch: the agents, teams, stages and origins the items name are
 * loaded in four queries (not four per item), then each item is resolved exactly like a single post.
 */
export async function loadBatchReferences(
  manager: EntityManager,
  tenantId: string,
  inputs: IngestAttendanceDto[],
): Promise<(input: IngestAttendanceDto) => ResolvedReferences> {
  const tenant = Equal(tenantId);
  const ids = [...new Set(inputs.flatMap((input) => (input.user_id ? [input.user_id] : [])))];
  const emails = [...new Set(inputs.flatMap((input) => (!input.user_id && input.agent_email ? [input.agent_email.trim().toLowerCase()] : [])))];
  const select = { id: true, email: true, teamId: true } as const;
  const [byId, byEmail] = await Promise.all([
    ids.length ? manager.getRepository(User).find({ select, where: { tenantId: tenant, id: In(ids) } }) : [],
    emails.length ? manager.getRepository(User).find({ select, where: { tenantId: tenant, email: In(emails) } }) : [],
  ]);
  const usersById = new Map(byId.map((user) => [user.id, user]));
  const usersByEmail = new Map(byEmail.map((user) => [user.email.toLowerCase(), user]));
  const teamIds = [...new Set([...byId, ...byEmail].flatMap((user) => (user.teamId ? [user.teamId] : [])))];
  const needStages = inputs.some((input) => input.stage_id || input.stage_name);
  const needOrigins = inputs.some((input) => input.origin_id || input.origin_name);
  const [teams, stages, origins] = await Promise.all([
    teamIds.length ? manager.getRepository(Team).find({ where: { tenantId: tenant, id: In(teamIds) } }) : [],
    needStages
      ? manager
          .getRepository(FunnelStage)
          .find({ select: { id: true, name: true, funnelId: true, position: true }, where: { tenantId: tenant }, order: { position: 'ASC' } })
      : [],
    needOrigins
      ? manager
          .getRepository(OriginItem)
          .find({ select: { id: true, name: true, originGroupId: true, position: true }, where: { tenantId: tenant }, order: { position: 'ASC' } })
      : [],
  ]);
  const teamsById = new Map(teams.map((team) => [team.id, team]));

  return (input) => {
    const warnings: string[] = [];
    let user: Pick<User, 'id' | 'teamId'> | null = null;
    if (input.user_id) {
      user = usersById.get(input.user_id) ?? null;
      if (!user) warnings.push(`agent ${input.user_id} not found in this organization; stored without agent`);
    } else if (input.agent_email) {
      user = usersByEmail.get(input.agent_email.trim().toLowerCase()) ?? null;
      if (!user) warnings.push(`agent "${input.agent_email}" not found; stored without agent`);
    }
    const team = user?.teamId ? (teamsById.get(user.teamId) ?? null) : null;
    return {
      userId: user?.id ?? null,
      teamId: user?.teamId ?? null,
      funnelStageId: pickReference(
        stages,
        stages.filter((stage) => team?.funnelId && stage.funnelId === team.funnelId),
        input.stage_id,
        input.stage_name,
        'stage',
        warnings,
      ),
      originItemId: pickReference(
        origins,
        origins.filter((origin) => team?.originGroupId && origin.originGroupId === team.originGroupId),
        input.origin_id,
        input.origin_name,
        'origin',
        warnings,
      ),
      warnings,
    };
  };
}

import { Equal, type EntityManager } from 'typeorm';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';

export interface ResolvedReferences {
  userId: string | null;
  teamId: string | null;
  funnelStageId: string | null;
  originItemId: string | null;
  warnings: string[];
}

/** Case- and accent-insensitive form of a name: "Negociação" ≈ "negociacao". */
export const comparable = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

interface Entry {
  id: string;
  name: string;
}

/** By id (in this tenant only), else by name: within the team's list first, then the whole tenant if unambiguous. */
export function pickReference(
  entries: Entry[],
  teamEntries: Entry[],
  id: string | null | undefined,
  name: string | null | undefined,
  what: string,
  warnings: string[],
): string | null {
  if (id) {
    if (entries.some((entry) => entry.id === id)) return id;
    warnings.push(`${what} ${id} not found in this organization; stored without ${what}`);
    return null;
  }
  if (!name) return null;
  const wanted = comparable(name);
  const inTeam = teamEntries.filter((entry) => comparable(entry.name) === wanted);
  if (inTeam.length > 0) return inTeam[0].id;
  const anywhere = entries.filter((entry) => comparable(entry.name) === wanted);
  if (anywhere.length === 1) return anywhere[0].id;
  warnings.push(
    anywhere.length > 1 ? `${what} "${name}" is ambiguous (several match); stored without ${what}` : `${what} "${name}" not found; stored without ${what}`,
  );
  return null;
}

/**
 * Turns what n8n said about agent, stage and origin into ids of this tenant. Another tenant's
 * ids are treated as unknown: they are never linked.
 */
export async function resolveReferences(manager: EntityManager, tenantId: string, input: IngestAttendanceDto): Promise<ResolvedReferences> {
  const warnings: string[] = [];
  const tenant = Equal(tenantId);
  let user: User | null = null;
  if (input.user_id) {
    user = await manager.getRepository(User).findOneBy({ id: Equal(input.user_id), tenantId: tenant });
    if (!user) warnings.push(`agent ${input.user_id} not found in this organization; stored without agent`);
  } else if (input.agent_email) {
    user = await manager.getRepository(User).findOneBy({ email: Equal(input.agent_email.trim().toLowerCase()), tenantId: tenant });
    if (!user) warnings.push(`agent "${input.agent_email}" not found; stored without agent`);
  }
  const team = user?.teamId ? await manager.getRepository(Team).findOneBy({ id: Equal(user.teamId), tenantId: tenant }) : null;

  const needStages = Boolean(input.stage_id || input.stage_name);
  const needOrigins = Boolean(input.origin_id || input.origin_name);
  const [stages, origins] = await Promise.all([
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
}

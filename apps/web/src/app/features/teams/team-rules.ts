import type { TeamRequest } from '@fasto/api-client';
import type { TeamView } from '@fasto/contracts';

export interface TeamDraft {
  name: string;
  funnelId: string;
  originGroupId: string;
  memberIds: string[];
}

export const teamDraftOf = (team: TeamView | null): TeamDraft => ({
  name: team?.name ?? '',
  funnelId: team?.funnelId ?? '',
  originGroupId: team?.originGroupId ?? '',
  memberIds: (team?.members ?? []).map((member) => member.id),
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** A new team sends everything; an edit only what changed (members as the complete new list). */
export function teamRequest(before: TeamView | null, draft: TeamDraft): TeamRequest {
  const original = teamDraftOf(before);
  const request: TeamRequest = {};
  if (!before || draft.name.trim() !== original.name) request.name = draft.name.trim();
  if (!before || draft.funnelId !== original.funnelId) request.funnelId = draft.funnelId || null;
  if (!before || draft.originGroupId !== original.originGroupId) request.originGroupId = draft.originGroupId || null;
  if (!before || !sameSet(draft.memberIds, original.memberIds)) request.memberIds = [...draft.memberIds];
  return request;
}

export interface NamedOption {
  id: string;
  name: string;
}

/**
 * The choices of a select, with the team's own choice among them even before the list arrives (or if it fails):
 * showing "Nenhum" for a team that has a funnel would say it has none.
 */
export function withCurrent(options: readonly NamedOption[], id: string | null | undefined, name: string | null | undefined): readonly NamedOption[] {
  return id && !options.some((option) => option.id === id) ? [{ id, name: name ?? '' }, ...options] : options;
}

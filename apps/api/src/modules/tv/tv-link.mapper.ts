import type { TvLinkView } from '@fasto/contracts';
import type { TvLink } from './entities/tv-link.entity';

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

export const toTvLinkView = (link: TvLink): TvLinkView => ({
  id: link.id,
  name: link.name,
  teamId: link.teamId,
  prefix: link.prefix,
  createdAt: new Date(link.createdAt).toISOString(),
  lastUsedAt: iso(link.lastUsedAt),
  revokedAt: iso(link.revokedAt),
});

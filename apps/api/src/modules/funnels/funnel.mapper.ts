import type { FunnelView } from '@fasto/contracts';
import type { CatalogSnapshot } from '../catalog/catalog.service';

export const toFunnelView = ({ group, items, teams }: CatalogSnapshot): FunnelView => ({
  id: group.id,
  name: group.name,
  stages: items.map((item) => ({ id: item.id, name: item.name, color: item.color, position: item.position, isWon: Boolean(item.isWon) })),
  teams,
  createdAt: group.createdAt.toISOString(),
});

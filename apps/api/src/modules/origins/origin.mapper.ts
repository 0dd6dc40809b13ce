import type { OriginGroupView } from '@fasto/contracts';
import type { CatalogSnapshot } from '../catalog/catalog.service';

export const toOriginGroupView = ({ group, items, teams }: CatalogSnapshot): OriginGroupView => ({
  id: group.id,
  name: group.name,
  items: items.map((item) => ({ id: item.id, name: item.name, color: item.color, position: item.position })),
  teams,
  createdAt: group.createdAt.toISOString(),
});

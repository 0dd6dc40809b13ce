import type { EntityTarget } from 'typeorm';

/** A named, ordered list of colored entries owned by a tenant: funnels (stages) and origin groups (items). */
// Type aliases (not interfaces) so that they satisfy TypeORM's ObjectLiteral constraint.
export type CatalogGroupRow = {
  id: string;
  tenantId: string;
  name: string;
  createdAt: Date;
};

export type CatalogItemRow = {
  id: string;
  tenantId: string;
  name: string;
  color: string;
  position: number;
  isWon?: boolean;
  funnelId?: string;
  originGroupId?: string;
};

export interface CatalogDefinition {
  groupEntity: EntityTarget<CatalogGroupRow>;
  itemEntity: EntityTarget<CatalogItemRow>;
  /** Property of an item pointing at its group, and of a team pointing at the group it uses. */
  groupKey: 'funnelId' | 'originGroupId';
  /** Audit entity names and the words used in messages. */
  groupEntityName: 'funnel' | 'origin_group';
  itemEntityName: 'funnel_stage' | 'origin_item';
  groupLabel: string;
  itemLabel: string;
  /** Funnels mark one stage as "won" (sale closed); origin groups have no such notion. */
  hasWonItem: boolean;
}

export const MAX_ITEMS_PER_GROUP = 50;

import type { EntityTarget } from 'typeorm';
import type { TenantOwnedEntity } from '../../core/database/base.entity';
import type { CatalogEntryEntity } from './catalog-entry.entity';

/** A named, ordered list of colored entries owned by a tenant: funnels (stages) and origin groups (items). */
export type CatalogGroupRow = TenantOwnedEntity & { name: string };

export type CatalogItemRow = CatalogEntryEntity & {
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

export interface NewCatalogItem {
  name: string;
  color: string;
  isWon?: boolean;
}

export const MAX_ITEMS_PER_GROUP = 50;

import type { CatalogKind, TenantTransition } from '@fasto/api-client';
import { AttendanceChannel, DIGEST_FREQUENCIES, NotificationType, Role, TENANT_PLANS, TenantStatus, WEBHOOK_EVENTS } from '@fasto/contracts';
import { SCORE_BANDS } from '../../features/attendances/attendance-filters';
import { RANGE_PRESETS } from '../../features/dashboard/date-range';
import { TV_VIEWS } from '../../features/tv/tv-board';
import { DELIVERY_CLASS, STATE_CLASS } from '../../features/webhooks/webhook-form';
import type { MessageKey } from './messages';

/** Keys a template builds from a value (`role.${role}`): the prefix, and every value it can take. */
export interface KeyFamily {
  readonly prefix: string;
  readonly values: readonly string[];
}

// Records, so a value added to these unions does not build until it is listed here.
const TRANSITIONS: Readonly<Record<TenantTransition, true>> = { suspend: true, reactivate: true, cancel: true };
const CATALOG_KINDS: Readonly<Record<CatalogKind, true>> = { funnels: true, origins: true };
const CATALOG_TEXTS = ['title', 'newGroup', 'groupName', 'entries', 'newEntry', 'empty', 'noEntries'] as const;

/** A family whose every key must exist: a value without a text is a type error here. */
const family = <P extends string, V extends string>(prefix: P, values: readonly V[] & ([`${P}${V}`] extends [MessageKey] ? unknown : never)): KeyFamily => ({
  prefix,
  values,
});

/**
 * Every key built at run time, expanded by messages.spec.ts (used keys, both languages). Enum values
 * the API sends come from the contracts lists, so a new value fails the spec until it is translated.
 */
export const KEY_FAMILIES: readonly KeyFamily[] = [
  family('role.', Object.values(Role)),
  family('channel.', Object.values(AttendanceChannel)),
  family('notif.kind.', Object.values(NotificationType)),
  family('tenant.status.', Object.values(TenantStatus)),
  family('plan.', TENANT_PLANS),
  family('tv.board.', TV_VIEWS),
  family('console.action.', Object.keys(TRANSITIONS) as TenantTransition[]),
  family('console.confirm.', Object.keys(TRANSITIONS) as TenantTransition[]),
  family('webhook.event.', [...WEBHOOK_EVENTS, 'ping' as const]),
  family('webhooks.delivery.', Object.keys(DELIVERY_CLASS) as (keyof typeof DELIVERY_CLASS)[]),
  family('webhooks.state.', Object.keys(STATE_CLASS) as (keyof typeof STATE_CLASS)[]),
  family('profile.digest.', DIGEST_FREQUENCIES),
  family('dash.preset.', RANGE_PRESETS),
  family('att.scoreBand.', Object.keys(SCORE_BANDS) as (keyof typeof SCORE_BANDS)[]),
  family(
    'catalog.',
    (Object.keys(CATALOG_KINDS) as CatalogKind[]).flatMap((kind) => CATALOG_TEXTS.map((text) => `${kind}.${text}` as const)),
  ),
];

import type { NotificationType } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { afterThisCommits } from '../../core/database/after-commit';
import { newId } from '../../core/database/ids';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { TenantValues } from '../../core/tenancy/tenant-table';
import type { Notification } from './entities/notification.entity';
import { notificationText, type NotificationData } from './notification-messages';
import { NotificationSignals } from './notification-signals';
import { NotificationsRepository } from './notifications.repository';

/** One notification to one user, about one event. */
export interface NotificationDraft {
  /** The recipient's tenant, whose tray it goes to (the super admins' is the system tenant). */
  tenantId: string;
  userId: string;
  type: NotificationType;
  data: NotificationData;
  link: string | null;
  /** Names the event: the same key for the same user never notifies twice. */
  eventKey: string;
}

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The row of one notification. Stored in Portuguese, the product's language; readers who chose English get it re-told from `data`. */
export function notificationValues(draft: NotificationDraft): TenantValues<Notification> {
  const text = notificationText(draft.type, draft.data, 'pt-BR');
  return {
    id: newId(),
    userId: draft.userId,
    type: draft.type,
    title: clip(text.title, 200),
    body: text.body,
    link: draft.link,
    data: draft.data,
    eventKey: clip(draft.eventKey, 160),
  };
}

/**
 * Writes notifications inside the running transaction (the change's), one multi-row INSERT per
 * recipients' tenant, each in that tenant's scope; the unique (tenant, user, event key) index
 * drops repeats of an event, so retries and races notify once.
 */
@Injectable()
export class NotificationWriter {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly context: TenantContext,
    private readonly signals: NotificationSignals,
  ) {}

  async deliver(drafts: NotificationDraft[]): Promise<void> {
    const unique = [...new Map(drafts.map((draft) => [`${draft.userId}|${draft.eventKey}`, draft])).values()];
    if (unique.length === 0) return;
    const byTenant = new Map<string, NotificationDraft[]>();
    for (const draft of unique) byTenant.set(draft.tenantId, [...(byTenant.get(draft.tenantId) ?? []), draft]);
    for (const [tenantId, tray] of byTenant) {
      await this.context.runInTenant(tenantId, () => this.notifications.insert(tray.map(notificationValues)));
    }
    afterThisCommits(() => this.signals.changed(unique.map((draft) => draft.userId)));
  }
}

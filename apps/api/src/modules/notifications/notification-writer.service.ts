import type { NotificationType } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../core/database/after-commit';
import { newId } from '../../core/database/ids';
import { insertIgnoringDuplicates } from '../../core/database/insert-ignoring-duplicates';
import { NotificationSignals } from './notification-signals';
import { notificationText, type NotificationData } from './notification-messages';

/** One notification to one user, about one event. */
export interface NotificationDraft {
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
export function notificationRow(draft: NotificationDraft): Record<string, unknown> {
  const text = notificationText(draft.type, draft.data, 'pt-BR');
  return {
    id: newId(),
    tenant_id: draft.tenantId,
    user_id: draft.userId,
    type: draft.type,
    title: clip(text.title, 200),
    body: text.body,
    link: draft.link,
    data: JSON.stringify(draft.data),
    event_key: clip(draft.eventKey, 160),
  };
}

/**
 * Writes notifications inside the caller's transaction, all in one multi-row INSERT; the unique
 * (tenant, user, event key) index drops repeats of an event, so retries and races notify once.
 */
@Injectable()
export class NotificationWriter {
  constructor(private readonly signals: NotificationSignals) {}

  async deliver(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    const unique = [...new Map(drafts.map((draft) => [`${draft.userId}|${draft.eventKey}`, draft])).values()];
    if (unique.length === 0) return;
    await insertIgnoringDuplicates(manager, 'notifications', unique.map(notificationRow));
    afterCommit(manager, () => this.signals.changed(unique.map((draft) => draft.userId)));
  }
}

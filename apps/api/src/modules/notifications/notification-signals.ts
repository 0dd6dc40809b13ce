import { Injectable } from '@nestjs/common';

type Listener = (userIds: readonly string[]) => void;

/**
 * "These users' notifications changed", told inside this process after the change committed:
 * the unread-count cache forgets them and their open streams fetch the news. Other instances
 * learn it from their cache expiry and stream sweep instead.
 */
@Injectable()
export class NotificationSignals {
  private readonly listeners: Listener[] = [];

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    for (const listener of this.listeners) listener(userIds);
  }
}

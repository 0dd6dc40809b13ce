import { Injectable } from '@nestjs/common';
import { ClusterBus } from '../../core/redis/cluster-bus';

type Listener = (userIds: readonly string[]) => void;

const NOTIFICATIONS_CHANGED = 'notifications.changed';

/**
 * "These users' notifications changed", told after the change committed, on the cluster bus: the
 * unread-count caches forget them and their open streams fetch the news, on this instance at once
 * and, with Redis, on every other one within a round trip. Without Redis (or while it is down)
 * other instances learn it from their cache expiry and stream sweep instead.
 */
@Injectable()
export class NotificationSignals {
  private readonly listeners: Listener[] = [];

  constructor(private readonly bus: ClusterBus) {
    bus.on<string[]>(NOTIFICATIONS_CHANGED, (userIds) => {
      for (const listener of this.listeners) listener(userIds);
    });
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(userIds: readonly string[]): void {
    if (userIds.length > 0) this.bus.publish(NOTIFICATIONS_CHANGED, userIds);
  }
}

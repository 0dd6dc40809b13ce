import { NotificationStreamEvent, type SupportedLocale } from '@fasto/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import { PRINCIPALS_CHANGED } from '../../core/auth/principal-cache';
import { ClusterBus, RESYNC_TOPIC } from '../../core/redis/cluster-bus';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { NotificationSignals } from './notification-signals';
import { toNotificationView } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { UnreadCounts } from './unread-counts';

/** One browser tab listening for its user's notifications. */
export interface Stream {
  tenantId: string;
  userId: string;
  /** The login session behind the token; null for impersonation tokens (they end at expiry). */
  sessionId: string | null;
  locale: SupportedLocale;
  response: ServerResponse;
  /** Newest notification already told to this tab (UUIDv7 ids grow with time). */
  lastId: string;
  lastCount: number | null;
  timers: NodeJS.Timeout[];
}

/** At most this many notifications are pushed per wake-up; the tray lists the rest. */
const PUSH_LIMIT = 20;

/**
 * Server-Sent Events for the notification tray. News is pushed as soon as its transaction commits:
 * news written through this instance always, through other instances when Redis carries the
 * signal (NotificationSignals). A sweep closes streams whose session was revoked (the client
 * reconnects or signs out) and catches news the signal could not carry: periodically without
 * Redis or while it is unreachable, else when a session may have ended (PRINCIPALS_CHANGED) and
 * once when the subscription is back. Pushes and sweeps run outside the stream's request, so each
 * enters the stream's tenant itself.
 */
@Injectable()
export class NotificationStreams implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationStreams.name);
  private readonly streams = new Set<Stream>();
  private readonly sweeper: NodeJS.Timeout;
  private sweeping = false;
  /** A sweep was asked for while one ran: it runs again, so a change committed meanwhile is seen. */
  private sweepAgain = false;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly context: TenantContext,
    @InjectConfig() private readonly config: AppConfig,
    private readonly unreadCounts: UnreadCounts,
    signals: NotificationSignals,
    bus: ClusterBus,
  ) {
    signals.onChange((userIds) => {
      for (const stream of this.streams) if (userIds.includes(stream.userId)) void this.push(stream);
    });
    bus.on(RESYNC_TOPIC, () => void this.sweep());
    if (bus.distributed) bus.on(PRINCIPALS_CHANGED, () => void this.sweep());
    this.sweeper = setInterval(() => {
      if (!bus.shared) void this.sweep();
    }, config.notifications.streamSweepMs);
    this.sweeper.unref();
  }

  /** Starts the event stream on `response` and keeps it until the client leaves, the token expires or the session ends. */
  async open(stream: Omit<Stream, 'lastId' | 'lastCount' | 'timers'>, tokenExpiresAt: number): Promise<void> {
    const lastId = await this.context.runInTenant(stream.tenantId, () => this.notifications.newestId(stream.userId));
    const open: Stream = { ...stream, lastId, lastCount: null, timers: [] };
    open.response.write(`retry: 5000\n\n`);
    const heartbeat = setInterval(() => open.response.write(': heartbeat\n\n'), this.config.notifications.streamHeartbeatMs);
    const expiry = setTimeout(() => this.close(open), Math.max(0, tokenExpiresAt - Date.now()));
    open.timers.push(heartbeat, expiry);
    open.response.on('close', () => this.close(open));
    this.streams.add(open);
    await this.sendCount(open);
  }

  get size(): number {
    return this.streams.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    for (const stream of this.streams) this.close(stream);
  }

  private close(stream: Stream): void {
    if (!this.streams.delete(stream)) return;
    for (const timer of stream.timers) clearTimeout(timer);
    stream.response.end();
  }

  private async push(stream: Stream): Promise<void> {
    try {
      const news = await this.context.runInTenant(stream.tenantId, () => this.notifications.newerThan(stream.userId, stream.lastId, PUSH_LIMIT));
      for (const notification of news) {
        this.send(stream, NotificationStreamEvent.Notification, toNotificationView(notification, stream.locale));
        stream.lastId = notification.id;
      }
      await this.sendCount(stream);
    } catch (error) {
      this.logger.warn({ err: error, userId: stream.userId }, 'Notification push failed; the next sweep retries');
    }
  }

  private async sendCount(stream: Stream): Promise<void> {
    const count = await this.context.runInTenant(stream.tenantId, () => this.unreadCounts.of(stream.userId));
    if (count === stream.lastCount) return;
    stream.lastCount = count;
    this.send(stream, NotificationStreamEvent.UnreadCount, { count });
  }

  private send(stream: Stream, event: string, data: unknown): void {
    if (this.streams.has(stream)) stream.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Two queries per tenant with open streams, however many streams each has. */
  private async sweep(): Promise<void> {
    if (this.streams.size === 0) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = true;
    try {
      do {
        this.sweepAgain = false;
        for (const [tenantId, streams] of byTenant([...this.streams])) await this.context.runInTenant(tenantId, () => this.sweepTenant(streams));
      } while (this.sweepAgain);
    } catch (error) {
      this.logger.warn({ err: error }, 'Notification stream sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** Closes the streams whose session ended, then pushes news to the others (in their tenant's scope). */
  private async sweepTenant(streams: Stream[]): Promise<void> {
    const sessionIds = [...new Set(streams.map((stream) => stream.sessionId).filter((id): id is string => id !== null))];
    if (sessionIds.length > 0) {
      const live = await this.notifications.liveSessions(sessionIds);
      for (const stream of streams) if (stream.sessionId && !live.has(stream.sessionId)) this.close(stream);
    }
    const open = streams.filter((stream) => this.streams.has(stream));
    if (open.length === 0) return;
    const newest = await this.notifications.newestIds([...new Set(open.map((stream) => stream.userId))]);
    for (const stream of open) if ((newest.get(stream.userId) ?? '') > stream.lastId) await this.push(stream);
  }
}

function byTenant(streams: Stream[]): Map<string, Stream[]> {
  const groups = new Map<string, Stream[]>();
  for (const stream of streams) groups.set(stream.tenantId, [...(groups.get(stream.tenantId) ?? []), stream]);
  return groups;
}

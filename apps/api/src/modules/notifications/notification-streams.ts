import { NotificationStreamEvent, type SupportedLocale } from '@fasto/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerResponse } from 'node:http';
import { Equal, In, IsNull, MoreThan, type DataSource } from 'typeorm';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { Notification } from './entities/notification.entity';
import { NotificationSignals } from './notification-signals';
import { toNotificationView } from './notification.mapper';
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
 * Server-Sent Events for the notification tray. News written through this instance is pushed
 * as soon as its transaction commits; a periodic sweep catches news written through other
 * instances and closes streams whose session was revoked (the client reconnects or signs out).
 */
@Injectable()
export class NotificationStreams implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationStreams.name);
  private readonly streams = new Set<Stream>();
  private readonly sweeper: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly unreadCounts: UnreadCounts,
    signals: NotificationSignals,
  ) {
    signals.onChange((userIds) => {
      for (const stream of this.streams) if (userIds.includes(stream.userId)) void this.push(stream);
    });
    this.sweeper = setInterval(() => void this.sweep(), config.notifications.streamSweepMs);
    this.sweeper.unref();
  }

  /** Starts the event stream on `response` and keeps it until the client leaves, the token expires or the session ends. */
  async open(stream: Omit<Stream, 'lastId' | 'lastCount' | 'timers'>, tokenExpiresAt: number): Promise<void> {
    const newest = await this.dataSource.getRepository(Notification).findOne({
      select: { id: true },
      where: { tenantId: Equal(stream.tenantId), userId: Equal(stream.userId) },
      order: { id: 'DESC' },
    });
    const open: Stream = { ...stream, lastId: newest?.id ?? '', lastCount: null, timers: [] };
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
      const news = await this.dataSource.getRepository(Notification).find({
        where: { tenantId: Equal(stream.tenantId), userId: Equal(stream.userId), id: MoreThan(stream.lastId) },
        order: { id: 'ASC' },
        take: PUSH_LIMIT,
      });
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
    const count = await this.unreadCounts.of(stream.tenantId, stream.userId);
    if (count === stream.lastCount) return;
    stream.lastCount = count;
    this.send(stream, NotificationStreamEvent.UnreadCount, { count });
  }

  private send(stream: Stream, event: string, data: unknown): void {
    if (this.streams.has(stream)) stream.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Two queries per sweep for all open streams together, whatever their number. */
  private async sweep(): Promise<void> {
    if (this.streams.size === 0 || this.sweeping) return;
    this.sweeping = true;
    try {
      const streams = [...this.streams];
      const sessionIds = [...new Set(streams.map((stream) => stream.sessionId).filter((id): id is string => id !== null))];
      if (sessionIds.length > 0) {
        const live = await this.dataSource.getRepository(RefreshToken).find({
          select: { id: true, familyId: true },
          where: { familyId: In(sessionIds), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        });
        const liveIds = new Set(live.map((row) => row.familyId));
        for (const stream of streams) if (stream.sessionId && !liveIds.has(stream.sessionId)) this.close(stream);
      }
      const open = [...this.streams];
      if (open.length === 0) return;
      // Each user within their own tenant (STYLE rule 3), all open streams in one statement.
      const owners = [...new Map(open.map((stream) => [`${stream.tenantId}|${stream.userId}`, stream])).values()];
      const newest = await this.dataSource.query<{ tenantId: string; userId: string; lastId: string }[]>(
        `SELECT tenant_id AS tenantId, user_id AS userId, MAX(id) AS lastId FROM notifications
         WHERE ${owners.map(() => '(tenant_id = ? AND user_id = ?)').join(' OR ')} GROUP BY tenant_id, user_id`,
        owners.flatMap((stream) => [stream.tenantId, stream.userId]),
      );
      const newestByOwner = new Map(newest.map((row) => [`${row.tenantId}|${row.userId}`, row.lastId]));
      for (const stream of open) {
        const last = newestByOwner.get(`${stream.tenantId}|${stream.userId}`) ?? '';
        if (last > stream.lastId) await this.push(stream);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Notification stream sweep failed');
    } finally {
      this.sweeping = false;
    }
  }
}

import { TvStreamEvent, type TvBoardSale, type TvPeriod } from '@fasto/contracts';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { AppConfig } from '../../core/config/app-config';
import { InjectConfig } from '../../core/config/config.module';
import type { AttendanceRecorded } from '../../core/events/domain-events';
import { DomainEvents } from '../../core/events/domain-events';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { todayIn } from '../../core/time/tenant-days';
import { TenantTimezones } from '../attendances/tenant-timezones';
import { TvBoardService } from './tv-board.service';
import { TvLinksRepository } from './tv-links.repository';
import { periodRanges } from './tv-periods';

/** One wall screen (or a signed-in user's board) following the closed sales of its board. */
export interface TickerStream {
  tenantId: string;
  teamId: string | null;
  period: TvPeriod;
  /** The TV link behind the stream; its revocation closes it. Null for a signed-in user. */
  tvLinkId: string | null;
  /** When a signed-in user's token expires (ms); null for a TV link, which lasts until revoked. */
  endsAt: number | null;
  response: ServerResponse;
}

interface OpenStream extends TickerStream {
  /** Sales already told to this screen (the latest few, so memory stays flat for days). */
  sent: Set<string>;
  timers: NodeJS.Timeout[];
}

const closesSale = (record: AttendanceRecorded) => record.after.converted && !record.before?.converted;

/**
 * Server-Sent Events of closed sales for the TV board. A sale closed through this instance wakes
 * its tenant's streams once its transaction commits; a periodic sweep catches sales written
 * through other instances and closes the streams of revoked links (the page reconnects and gets 401).
 * As the notification streams (modules/notifications/notification-streams.ts), pushes run outside
 * the stream's request, so each enters the stream's tenant itself.
 */
@Injectable()
export class TvTicker implements OnModuleDestroy {
  private readonly logger = new Logger(TvTicker.name);
  private readonly streams = new Set<OpenStream>();
  private readonly sweeper: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly board: TvBoardService,
    private readonly links: TvLinksRepository,
    private readonly timezones: TenantTimezones,
    private readonly context: TenantContext,
    @InjectConfig() private readonly config: AppConfig,
    events: DomainEvents,
  ) {
    events.on('attendance.recorded', (event) => this.recorded(event.tenantId, [event]));
    events.on('attendances.recorded', (event) => this.recorded(event.tenantId, event.records));
    this.sweeper = setInterval(() => void this.sweep(), config.notifications.streamSweepMs);
    this.sweeper.unref();
  }

  /** Starts the stream: the sales already on the board count as told, so only new ones are pushed. */
  async open(stream: TickerStream): Promise<void> {
    const open: OpenStream = { ...stream, sent: new Set((await this.latest(stream)).map((sale) => sale.id)), timers: [] };
    open.response.write(`retry: 5000\n\n`);
    open.timers.push(setInterval(() => open.response.write(': heartbeat\n\n'), this.config.notifications.streamHeartbeatMs));
    if (open.endsAt !== null) open.timers.push(setTimeout(() => this.close(open), Math.max(0, open.endsAt - Date.now())));
    open.response.on('close', () => this.close(open));
    this.streams.add(open);
  }

  get size(): number {
    return this.streams.size;
  }

  /** A revoked link's screens stop at once on this instance (others within a sweep). */
  closeLink(tvLinkId: string): void {
    for (const stream of this.streams) if (stream.tvLinkId === tvLinkId) this.close(stream);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    for (const stream of this.streams) this.close(stream);
  }

  private recorded(tenantId: string, records: AttendanceRecorded[]): Promise<void> {
    const teams = new Set(records.filter(closesSale).map((record) => record.after.teamId));
    if (teams.size === 0) return Promise.resolve();
    const woken = [...this.streams].filter((stream) => stream.tenantId === tenantId && (stream.teamId === null || teams.has(stream.teamId)));
    return this.pushAll(woken);
  }

  private close(stream: OpenStream): void {
    if (!this.streams.delete(stream)) return;
    for (const timer of stream.timers) clearTimeout(timer);
    stream.response.end();
  }

  private async pushAll(streams: OpenStream[]): Promise<void> {
    for (const stream of streams) {
      try {
        const fresh = (await this.latest(stream)).filter((sale) => !stream.sent.has(sale.id));
        // Oldest first, so the ticker shows them in the order they closed.
        for (const sale of fresh.reverse()) this.send(stream, sale);
      } catch (error) {
        this.logger.warn({ err: error, tenantId: stream.tenantId }, 'TV ticker push failed; the next sweep retries');
      }
    }
  }

  private latest(stream: TickerStream): Promise<TvBoardSale[]> {
    return this.context.runInTenant(stream.tenantId, async () => {
      const timeZone = await this.timezones.current();
      return this.board.latestSales(stream.teamId, periodRanges(stream.period, todayIn(timeZone)).range.from, timeZone);
    });
  }

  private send(stream: OpenStream, sale: TvBoardSale): void {
    if (!this.streams.has(stream)) return;
    stream.sent.add(sale.id);
    // Keep only as many as the board lists: an older id can never come back among the latest.
    if (stream.sent.size > 50) stream.sent.delete(stream.sent.values().next().value as string);
    stream.response.write(`event: ${TvStreamEvent.Sale}\ndata: ${JSON.stringify(sale)}\n\n`);
  }

  /** Per tenant with open streams: one query for revoked links, then one read per stream. */
  private async sweep(): Promise<void> {
    if (this.streams.size === 0 || this.sweeping) return;
    this.sweeping = true;
    try {
      const tenants = new Set([...this.streams].map((stream) => stream.tenantId));
      for (const tenantId of tenants) {
        const streams = [...this.streams].filter((stream) => stream.tenantId === tenantId);
        const linkIds = [...new Set(streams.map((stream) => stream.tvLinkId).filter((id): id is string => id !== null))];
        const live = await this.context.runInTenant(tenantId, () => this.links.liveIds(linkIds));
        for (const stream of streams) if (stream.tvLinkId && !live.has(stream.tvLinkId)) this.close(stream);
        await this.pushAll(streams.filter((stream) => this.streams.has(stream)));
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'TV ticker sweep failed');
    } finally {
      this.sweeping = false;
    }
  }
}

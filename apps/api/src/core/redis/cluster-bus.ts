import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RedisConnections } from './redis-connections';

type Handler = (payload: unknown) => void;

interface Envelope {
  origin: string;
  topic: string;
  payload: unknown;
}

/** What this process was told while it could not hear the others: handlers resynchronise (clear caches, sweep). */
export const RESYNC_TOPIC = 'bus.resync';

/**
 * "Something changed" told to every instance: `publish` runs this process's handlers at once and,
 * with Redis, sends the message on one pub/sub channel for the other instances to run theirs.
 * Without Redis (or while it is down) only this process hears it, as before Redis existed; each
 * user of the bus keeps its own fallback (a TTL, a sweep) for what other instances miss, and
 * hears RESYNC_TOPIC when the subscription is back, since messages sent meanwhile are lost.
 */
@Injectable()
export class ClusterBus implements OnModuleInit {
  private readonly logger = new Logger(ClusterBus.name);
  private readonly origin = randomUUID();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly channel: string;
  private subscribed = false;

  constructor(private readonly redis: RedisConnections) {
    this.channel = `${redis.prefix}bus`;
  }

  onModuleInit(): void {
    const subscriber = this.redis.subscriber;
    if (!subscriber) return;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    subscriber.on('close', () => (this.subscribed = false));
    subscriber.on('ready', () => void this.subscribe());
    if (subscriber.status === 'ready') void this.subscribe();
  }

  /** Whether other instances' messages reach this one right now (Redis configured, connected and subscribed). */
  get shared(): boolean {
    return this.subscribed && this.redis.ready;
  }

  /** Whether messages can ever come from other instances (REDIS_URL is set). */
  get distributed(): boolean {
    return this.redis.configured;
  }

  on<T>(topic: string, handler: (payload: T) => void): void {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), handler as Handler]);
  }

  /** Runs this process's handlers now; sends the message to the other instances when Redis is there (a failure is logged, not thrown). */
  publish(topic: string, payload: unknown = null): void {
    this.deliver(topic, payload);
    const commands = this.redis.commands;
    if (!commands || !this.redis.ready) return;
    const envelope: Envelope = { origin: this.origin, topic, payload };
    commands.publish(this.channel, JSON.stringify(envelope)).catch((error: unknown) => this.logger.warn({ err: error, topic }, 'Redis publish failed'));
  }

  private async subscribe(): Promise<void> {
    try {
      await this.redis.subscriber?.subscribe(this.channel);
      this.subscribed = true;
      this.deliver(RESYNC_TOPIC, null);
    } catch (error) {
      this.logger.warn({ err: error }, 'Redis subscription failed; retried at the next reconnection');
    }
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.origin !== this.origin) this.deliver(envelope.topic, envelope.payload);
  }

  private deliver(topic: string, payload: unknown): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        this.logger.error({ err: error, topic }, 'Cluster bus handler failed');
      }
    }
  }
}

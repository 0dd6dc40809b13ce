import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';

/** A command that gets no answer within this long counts as Redis being down (a frozen server must not hold requests). */
const COMMAND_TIMEOUT_MS = 500;
/** Reconnection attempts back off up to this, forever: Redis coming back is picked up without a restart. */
const MAX_RECONNECT_DELAY_MS = 1000;

/**
 * Commands fail at once while disconnected (no offline queue) and after COMMAND_TIMEOUT_MS when
 * the server hangs, so each caller falls back to its database or in-process path right away.
 */
const options: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: COMMAND_TIMEOUT_MS,
  connectTimeout: 2000,
  retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  // Subscriptions are renewed by ClusterBus on every `ready`, so it knows when they are back.
  autoResubscribe: false,
};

/**
 * The two connections to Redis when REDIS_URL is set (one for commands, one held by SUBSCRIBE),
 * or none. Both connect in the background: boot never waits for Redis, nor fails without it.
 */
@Injectable()
export class RedisConnections implements OnModuleDestroy {
  private readonly logger = new Logger('Redis');
  readonly commands: Redis | null;
  readonly subscriber: Redis | null;
  /** Put in front of every key and channel (REDIS_KEY_PREFIX). */
  readonly prefix: string;

  constructor(@InjectConfig() config: AppConfig) {
    this.prefix = config.redis?.keyPrefix ?? '';
    this.commands = config.redis ? this.connect(config.redis.url, 'commands') : null;
    this.subscriber = config.redis ? this.connect(config.redis.url, 'subscriber') : null;
  }

  get configured(): boolean {
    return this.commands !== null;
  }

  /** Whether commands can be sent now. */
  get ready(): boolean {
    return this.commands?.status === 'ready';
  }

  /** Answers within COMMAND_TIMEOUT_MS or throws (readiness). */
  async ping(): Promise<void> {
    if (!this.commands) throw new Error('Redis is not configured');
    await this.commands.ping();
  }

  async onModuleDestroy(): Promise<void> {
    for (const connection of [this.commands, this.subscriber]) connection?.disconnect(false);
  }

  private connect(url: string, role: string): Redis {
    const connection = new Redis(url, { ...options, connectionName: `fasto-${role}` });
    let down = false;
    // Logged once per outage, not at every reconnection attempt.
    connection.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn({ err: error, role }, 'Redis unreachable; falling back to the database and this process until it is back');
    });
    connection.on('ready', () => {
      if (down) this.logger.log({ role }, 'Redis is back');
      down = false;
    });
    return connection;
  }
}

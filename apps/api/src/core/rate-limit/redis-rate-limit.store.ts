import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RedisConnections } from '../redis/redis-connections';
import type { DatabaseRateLimitStore } from './database-rate-limit.store';
import { latestGrantable, RateLimitStore, stateOf, type Budget, type BucketReset, type BudgetState } from './rate-limit.store';

/**
 * The take of RateLimitRepository in one script, so it is atomic like the upsert: per bucket, the
 * full-again moment moves one refill ahead of max(stored, now) when that stays within `limit`;
 * answers the moment and whether a token was taken. A key lives until its bucket is full again
 * (then it means the same as no key). Numbers go through '%d': epoch ms exceed Lua's default
 * number formatting.
 */
const TAKE_TOKENS = `
local now = tonumber(ARGV[1])
local answers = {}
for index, key in ipairs(KEYS) do
  local refill = tonumber(ARGV[index * 2])
  local limit = tonumber(ARGV[index * 2 + 1])
  local stored = tonumber(redis.call('GET', key) or '0')
  local next = math.max(stored, now) + refill
  if next <= limit then
    redis.call('SET', key, string.format('%d', next), 'PX', string.format('%d', next - now))
    answers[index] = { string.format('%d', next), 1 }
  else
    answers[index] = { string.format('%d', stored), 0 }
  end
end
return answers
`;

type TakeTokens = (keyCount: number, ...keysThenArgs: (string | number)[]) => Promise<[string, number][]>;

/**
 * The token buckets in Redis (REDIS_URL): one script call per take, one MGET per peek. While Redis
 * is unreachable (commands fail at once, or after 500 ms when it hangs) each call falls back to
 * the database store, so limits stay enforced through an outage instead of failing open or
 * refusing everyone; the price is that a bucket's count restarts when the store changes (at most
 * one extra bucketful per outage edge). Docs: docs/architecture.md, "Redis".
 */
export class RedisRateLimitStore extends RateLimitStore {
  private readonly logger = new Logger(RedisRateLimitStore.name);
  private readonly takeTokens: TakeTokens | null;

  constructor(
    private readonly redis: RedisConnections,
    private readonly fallback: DatabaseRateLimitStore,
  ) {
    super();
    const commands = redis.commands;
    if (commands) commands.defineCommand('fastoTakeTokens', { lua: TAKE_TOKENS });
    this.takeTokens = commands ? ((commands as Redis & { fastoTakeTokens: TakeTokens }).fastoTakeTokens.bind(commands) as TakeTokens) : null;
  }

  async peekAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const values = await this.orFallback(() => this.redis.commands?.mget(budgets.map((budget) => this.key(budget.bucket))));
    if (!values) return this.fallback.peekAll(budgets, now);
    return budgets.map((budget, index) => stateOf(budget, Number(values[index] ?? 0), now));
  }

  async takeAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    const args = budgets.flatMap((budget) => [budget.refillMs, latestGrantable(budget, now)]);
    const taken = await this.orFallback(() => this.takeTokens?.(budgets.length, ...budgets.map((budget) => this.key(budget.bucket)), now, ...args));
    if (!taken) return this.fallback.takeAll(budgets, now);
    return budgets.map((budget, index) => stateOf(budget, Number(taken[index][0]), now, taken[index][1] === 1));
  }

  /** The database's row goes with the caller's writes (failures counted during an outage), the Redis key once they committed. */
  resetting(bucket: string): BucketReset {
    return {
      statements: this.fallback.resetting(bucket).statements,
      afterCommit: async () => {
        await this.orFallback(() => this.redis.commands?.del(this.key(bucket)));
      },
    };
  }

  private key(bucket: string): string {
    return `${this.redis.prefix}rate:${bucket}`;
  }

  /** The command's answer, or undefined when Redis is not ready or the command failed (the caller uses the database). */
  private async orFallback<T>(command: () => Promise<T> | undefined): Promise<T | undefined> {
    if (!this.redis.ready) return undefined;
    try {
      return await command();
    } catch (error) {
      this.logger.debug({ err: error }, 'Redis rate-limit command failed; using the database');
      return undefined;
    }
  }
}

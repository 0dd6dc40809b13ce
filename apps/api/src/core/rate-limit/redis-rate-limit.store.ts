import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RedisConnections } from '../redis/redis-connections';
import type { DatabaseRateLimitStore } from './database-rate-limit.store';
import { latestGrantable, RateLimitStore, stateOf, type Budget, type BucketReset, type BudgetState } from './rate-limit.store';

/**
 * The take of RateLimitRepository in one script, so it is atomic like the upsert: per bucket, the
 * full-again moment moves one refill ahead of max(stored, now) when that stays within `limit`;
 * answers the moment and whether the bucket had a token. With `together` = 1 nothing is written
 * unless every bucket had one (then each answers its stored moment). A key lives until its bucket
 * is full again (then it means the same as no key). Numbers go through '%d': epoch ms exceed Lua's
 * default number formatting.
 */
const TAKE_TOKENS = `
local now = tonumber(ARGV[1])
local together = ARGV[2] == '1'
local nexts, stored, granted = {}, {}, {}
local all = true
for index, key in ipairs(KEYS) do
  local refill = tonumber(ARGV[index * 2 + 1])
  local limit = tonumber(ARGV[index * 2 + 2])
  stored[index] = tonumber(redis.call('GET', key) or '0')
  nexts[index] = math.max(stored[index], now) + refill
  granted[index] = nexts[index] <= limit
  all = all and granted[index]
end
local answers = {}
for index, key in ipairs(KEYS) do
  if granted[index] and (all or not together) then
    redis.call('SET', key, string.format('%d', nexts[index]), 'PX', string.format('%d', nexts[index] - now))
    answers[index] = { string.format('%d', nexts[index]), 1 }
  else
    answers[index] = { string.format('%d', stored[index]), granted[index] and 1 or 0 }
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

  takeAll(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    return this.run(budgets, now, false);
  }

  takeTogether(budgets: Budget[], now = Date.now()): Promise<BudgetState[]> {
    return this.run(budgets, now, true);
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

  private async run(budgets: Budget[], now: number, together: boolean): Promise<BudgetState[]> {
    const args = budgets.flatMap((budget) => [budget.refillMs, latestGrantable(budget, now)]);
    const keys = budgets.map((budget) => this.key(budget.bucket));
    const taken = await this.orFallback(() => this.takeTokens?.(budgets.length, ...keys, now, together ? 1 : 0, ...args));
    if (!taken) return together ? this.fallback.takeTogether(budgets, now) : this.fallback.takeAll(budgets, now);
    return budgets.map((budget, index) => stateOf(budget, Number(taken[index][0]), now, taken[index][1] === 1));
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

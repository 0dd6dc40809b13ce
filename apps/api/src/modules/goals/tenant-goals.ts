import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../../core/cache/bounded-cache';
import { TenantContext } from '../../core/tenancy/tenant-context';
import type { Goal } from './entities/goal.entity';
import { GoalsRepository } from './goals.repository';

/** The current tenant's goals, for the check after every ingest: most tenants have none, and ingest is the hot path (QUALITY P3). */
@Injectable()
export class TenantGoals {
  /**
   * Forgotten at once by a change on this instance (GoalsService); another instance's change shows
   * within the TTL, and a goal reached meanwhile is told by the hourly check (GoalCheckJob).
   */
  private readonly cache = new BoundedCache<Goal[]>({ name: 'goals by tenant id', maxEntries: 10_000, ttlMs: 10_000 });

  constructor(
    private readonly goals: GoalsRepository,
    private readonly context: TenantContext,
  ) {}

  current(): Promise<Goal[]> {
    return this.cache.through(this.context.tenantId(), () => this.goals.all());
  }

  forget(tenantId: string): void {
    this.cache.forget(tenantId);
  }
}

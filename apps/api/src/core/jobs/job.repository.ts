import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, LessThan, type DataSource, type EntityManager } from 'typeorm';
import { activeManager } from '../database/transactions';
import { isUniqueViolation } from '../database/unique-violation';
import { JobMarker } from './job-marker.entity';
import { JobRun, type JobRunStatus } from './job-run.entity';

/** A transaction a marker claim joins (callers that still open their own with the data source). */
export type MarkerTransaction = EntityManager;

/**
 * The SQL of the scheduled-jobs framework: job runs (the once-per-slot lock and the run history)
 * and once-only markers. These tables are system-wide state, not tenant-owned (no `tenant_id`):
 * a slot or a marker is shared by every API instance and every tenant, so nothing here reads
 * the tenant scope.
 */
@Injectable()
export class JobRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Never the caller's transaction: a claimed slot or a renewed lease must be seen by other instances at once. */
  private get runs() {
    return this.dataSource.getRepository(JobRun);
  }

  /** Inserts a running run; false when the (job, slot) pair is already taken. */
  async insertRun(run: Pick<JobRun, 'id' | 'job' | 'slot' | 'instanceId' | 'startedAt' | 'leaseExpiresAt'>): Promise<boolean> {
    try {
      await this.runs.insert({ ...run, status: 'running' });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  runOfSlot(job: string, slot: string): Promise<JobRun | null> {
    return this.runs.findOneBy({ job: Equal(job), slot: Equal(slot) });
  }

  /** Moves a run whose lease expired before `now` to another instance; false when someone else did first. */
  async takeOver(held: Pick<JobRun, 'id' | 'instanceId'>, by: Pick<JobRun, 'instanceId' | 'startedAt' | 'leaseExpiresAt'>, now: Date): Promise<boolean> {
    const taken = await this.runs.update(
      { id: Equal(held.id), instanceId: Equal(held.instanceId), status: Equal('running'), leaseExpiresAt: LessThan(now) },
      by,
    );
    return taken.affected === 1;
  }

  /** Pushes a live run's lease ahead; false when this instance no longer holds it. */
  async renewLease(runId: string, instanceId: string, leaseExpiresAt: Date): Promise<boolean> {
    const result = await this.runs.update({ id: Equal(runId), instanceId: Equal(instanceId), status: Equal('running') }, { leaseExpiresAt });
    return result.affected === 1;
  }

  async finishRun(
    runId: string,
    instanceId: string,
    outcome: { status: Exclude<JobRunStatus, 'running'>; message: string | null; finishedAt: Date; durationMs: number },
  ): Promise<void> {
    await this.runs.update({ id: Equal(runId), instanceId: Equal(instanceId) }, outcome);
  }

  /** The latest run of a job (by start, then slot), or null when it never ran. */
  lastRun(job: string): Promise<JobRun | null> {
    return this.runs.findOne({ where: { job: Equal(job) }, order: { startedAt: 'DESC', slot: 'DESC' } });
  }

  /** Inserts a marker; false when it already exists. Joins `transaction` when given, else the active one. */
  async insertMarker(name: string, now: Date, transaction?: MarkerTransaction): Promise<boolean> {
    try {
      await (transaction ?? activeManager(this.dataSource)).insert(JobMarker, { name, createdAt: now });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

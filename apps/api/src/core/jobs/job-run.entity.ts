import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type JobRunStatus = 'running' | 'ok' | 'failed';

/**
 * One run of a scheduled job. The unique (job, slot) pair is the lock: of all API instances
 * whose timers fire for the same scheduled minute, only the one whose INSERT wins runs it.
 * `leaseExpiresAt` is pushed ahead while the run is alive, so a crashed holder's slot can be taken over.
 */
@Entity('job_runs')
@Index('uq_job_runs_job_slot', ['job', 'slot'], { unique: true })
@Index('idx_job_runs_job_started', ['job', 'startedAt'])
export class JobRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  job!: string;

  /** The scheduled minute, `YYYY-MM-DDTHH:MMZ` (or `manual-…` for runs started by hand). */
  @Column({ type: 'varchar', length: 60 })
  slot!: string;

  @Column({ type: 'varchar', length: 120 })
  instanceId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: JobRunStatus;

  @Column({ type: 'datetime' })
  startedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  durationMs!: number | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  message!: string | null;

  @Column({ type: 'datetime' })
  leaseExpiresAt!: Date;
}

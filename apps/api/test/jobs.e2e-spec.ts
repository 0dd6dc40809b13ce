import type { JobStatus } from '@fasto/contracts';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';
import { ENTITIES } from '../src/entities';
import { JobRun } from '../src/core/jobs/job-run.entity';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { JobRepository } from '../src/core/jobs/job.repository';
import { JobRunner, type RunnableJob } from '../src/core/jobs/job-runner';
import { slotOf } from '../src/core/jobs/job-slot';
import { client, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A job that counts its runs and takes a moment, so racing instances overlap. */
function countingJob(name: string): RunnableJob & { runs: number } {
  const job = {
    name,
    runs: 0,
    handler: {
      run: async () => {
        job.runs++;
        await sleep(50);
        return `run ${job.runs}`;
      },
    },
  };
  return job;
}

describe('scheduled jobs', () => {
  let t: TestApp;
  /** A second connection pool on the same database: what another API instance would have. */
  let otherInstanceDb: DataSource;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    otherInstanceDb = await new DataSource(buildDataSourceOptions(t.config, ENTITIES)).initialize();
  });
  afterAll(async () => {
    await otherInstanceDb.destroy();
    await t.close();
  });

  const runsOf = (job: string) => t.dataSource.getRepository(JobRun).find({ where: { job }, order: { slot: 'ASC' } });

  it('runs a slot exactly once when two instances race for it', async () => {
    const job = countingJob('test.race');
    const a = new JobRunner(new JobRepository(t.dataSource), 'instance-a');
    const b = new JobRunner(new JobRepository(otherInstanceDb), 'instance-b');
    for (const slot of ['2026-11-22T02:55Z', '2026-11-23T02:55Z', '2026-11-24T02:55Z']) {
      const outcomes = await Promise.all([a.run(job, slot), b.run(job, slot), a.run(job, slot), b.run(job, slot)]);
      expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['ok', 'skipped', 'skipped', 'skipped']);
    }
    expect(job.runs).toBe(3);
    const runs = await runsOf('test.race');
    expect(runs).toHaveLength(3);
    for (const run of runs) {
      expect(run).toMatchObject({ status: 'ok', message: expect.stringMatching(/^run \d$/) });
      expect(['instance-a', 'instance-b']).toContain(run.instanceId);
      expect(run.finishedAt).not.toBeNull();
      expect(run.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('names one slot for ticks a few seconds apart, and different slots for different minutes', () => {
    expect(slotOf(new Date('2026-11-22T02:54:58.500Z'))).toBe('2026-11-22T02:55Z');
    expect(slotOf(new Date('2026-11-22T02:55:03.000Z'))).toBe('2026-11-22T02:55Z');
    expect(slotOf(new Date('2026-11-22T02:56:00.000Z'))).toBe('2026-11-22T02:56Z');
  });

  it('leaves a slot alone while its holder’s lease is live, and takes it over once the lease expired', async () => {
    const job = countingJob('test.takeover');
    const slot = '2026-11-22T03:00Z';
    const now = new Date('2026-11-22T03:00:00.000Z');
    // Instance "crashed" claimed the slot with a 10-minute lease and died without finishing.
    const crashed = new JobRunner(new JobRepository(t.dataSource), 'crashed');
    expect(await crashed.leases.claim(job.name, slot, 10 * 60_000, now)).toMatchObject({ tookOverFrom: null });

    const early = new JobRunner(new JobRepository(otherInstanceDb), 'instance-b', () => new Date('2026-11-22T03:09:59.000Z'));
    expect(await early.run(job, slot)).toEqual({ outcome: 'skipped' });
    expect(job.runs).toBe(0);

    const late = new JobRunner(new JobRepository(otherInstanceDb), 'instance-b', () => new Date('2026-11-22T03:10:01.000Z'));
    const again = new JobRunner(new JobRepository(t.dataSource), 'instance-c', () => new Date('2026-11-22T03:10:02.000Z'));
    const outcomes = await Promise.all([late.run(job, slot), again.run(job, slot)]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(['ok', 'skipped']);
    expect(job.runs).toBe(1);
    const [run] = await runsOf('test.takeover');
    expect(run).toMatchObject({ status: 'ok', slot });
    expect(['instance-b', 'instance-c']).toContain(run.instanceId);
  });

  it('records a failing handler as failed with its message, and a later slot still runs', async () => {
    let fail = true;
    const job: RunnableJob = {
      name: 'test.failing',
      handler: {
        run: async () => {
          if (fail) throw new Error('disk full');
          return 'fine';
        },
      },
    };
    const runner = new JobRunner(new JobRepository(t.dataSource), 'instance-a');
    expect(await runner.run(job, '2026-11-22T04:00Z')).toMatchObject({ outcome: 'failed', message: 'disk full' });
    fail = false;
    expect(await runner.run(job, '2026-11-22T05:00Z')).toMatchObject({ outcome: 'ok', message: 'fine' });
    expect((await runsOf('test.failing')).map((run) => [run.status, run.message])).toEqual([
      ['failed', 'disk full'],
      ['ok', 'fine'],
    ]);
  });

  it('registers the built-in jobs from their modules, without starting timers under test', () => {
    const names = t.app
      .get(JobRegistry)
      .all()
      .map((job) => job.name);
    expect(names).toEqual([
      'attendances.rollup-check',
      'auth.token-cleanup',
      'backup',
      'digests.send',
      'goals.check',
      'notifications.retention',
      'tenants.trial-expiry',
      'webhooks.deliver',
    ]);
    expect(t.app.get(JobRegistry).get('backup')!.cron).toBe('55 2 * * *');
    expect([...t.app.get(SchedulerRegistry).getCronJobs().keys()]).toEqual([]);
  });

  it('GET /api/jobs shows each job’s schedule, last run and next run to super admins only', async () => {
    const superAdmin = await client(t, DEMO.superAdmin);
    const before = await superAdmin.get('/api/jobs').expect(200);
    const backup = before.body.items.find((job: JobStatus) => job.name === 'backup');
    expect(backup).toMatchObject({ schedule: '55 2 * * *', timeZone: 'UTC', lastRun: null, description: expect.any(String) });
    const next = new Date(backup.nextRunAt);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([2, 55]);

    const job = t.app.get(JobRegistry).get('auth.token-cleanup')!;
    await new JobRunner(new JobRepository(t.dataSource), 'instance-a').run(job, slotOf(new Date()));
    const after = await superAdmin.get('/api/jobs').expect(200);
    const cleanup = after.body.items.find((item: JobStatus) => item.name === 'auth.token-cleanup');
    expect(cleanup.lastRun).toMatchObject({
      outcome: 'ok',
      instanceId: 'instance-a',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      durationMs: expect.any(Number),
      message: expect.stringContaining('deleted'),
    });

    // Each run is logged as structured JSON: its start, then its outcome and duration.
    const lines = t.logs().filter((line) => line['job'] === 'auth.token-cleanup');
    expect(lines.map((line) => line['msg'])).toEqual(['Job started', 'Job finished']);
    expect(lines[1]).toMatchObject({ outcome: 'ok', instanceId: 'instance-a', durationMs: expect.any(Number), slot: expect.any(String) });

    for (const email of [DEMO.admin, DEMO.manager, DEMO.agent, DEMO.acmeAdmin]) {
      await (await client(t, email)).get('/api/jobs').expect(403);
    }
    await t.http().get('/api/jobs').expect(401);
  });

  it('reports a run whose holder vanished (lease expired, never finished) as failed', async () => {
    const runner = new JobRunner(new JobRepository(t.dataSource), 'vanished');
    await runner.leases.claim('tenants.trial-expiry', '2020-01-01T00:05Z', 60_000, new Date('2020-01-01T00:05:00Z'));
    const superAdmin = await client(t, DEMO.superAdmin);
    const response = await superAdmin.get('/api/jobs').expect(200);
    const trial = response.body.items.find((item: JobStatus) => item.name === 'tenants.trial-expiry');
    expect(trial.lastRun).toMatchObject({ outcome: 'failed', instanceId: 'vanished', message: expect.stringContaining('abandoned') });
  });
});

describe('scheduled jobs with JOBS_ENABLED', () => {
  it('starts one UTC timer per job and stops them on shutdown', async () => {
    const t = await startTestApp({ env: { JOBS_ENABLED: 'true', BACKUP_CRON: '30 1 * * *' } });
    try {
      const timers = t.app.get(SchedulerRegistry).getCronJobs();
      expect([...timers.keys()].sort()).toEqual([
        'job:attendances.rollup-check',
        'job:auth.token-cleanup',
        'job:backup',
        'job:digests.send',
        'job:goals.check',
        'job:notifications.retention',
        'job:tenants.trial-expiry',
        'job:webhooks.deliver',
      ]);
      const next = timers.get('job:backup')!.nextDate().toJSDate();
      expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 30]);
      expect(timers.get('job:backup')!.isActive).toBe(true);
    } finally {
      const registry = t.app.get(SchedulerRegistry);
      await t.close();
      expect([...registry.getCronJobs().keys()]).toEqual([]);
    }
  });
});

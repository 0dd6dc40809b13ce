import { SYSTEM_TENANT_SLUG, TenantStatus } from '@fasto/contracts';
import { randomUUID } from 'node:crypto';
import { Equal } from 'typeorm';
import { DomainEvents, type DomainEventMap } from '../src/core/events/domain-events';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { JobRun } from '../src/core/jobs/job-run.entity';
import { JobRepository } from '../src/core/jobs/job.repository';
import { JobRunner } from '../src/core/jobs/job-runner';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { dayInZone } from '../src/core/time/tenant-days';
import { ActionToken } from '../src/modules/auth/entities/action-token.entity';
import { RefreshToken } from '../src/modules/auth/entities/refresh-token.entity';
import { AuditLog } from '../src/modules/audit/entities/audit-log.entity';
import { RollupCheckJob } from '../src/modules/maintenance/rollup-check.job';
import { RollupConsistency } from '../src/modules/maintenance/rollup-consistency';
import { TokenCleanupJob } from '../src/modules/maintenance/token-cleanup.job';
import { TrialExpiryJob } from '../src/modules/maintenance/trial-expiry.job';
import { Tenant } from '../src/modules/tenants/entities/tenant.entity';
import { DEMO, idOf, login, refresh } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('maintenance jobs', () => {
  let t: TestApp;
  let demo: { id: string; tenantId: string };

  beforeAll(async () => {
    t = await startTestApp({ seed: { attendances: true } });
    demo = await idOf(t, DEMO.agent);
  });
  afterAll(() => t.close());
  /** As the JobRunner runs every job: in the system scope, named after the job. */
  const asJob = <T>(name: string, run: () => Promise<T>) => t.app.get(TenantContext).runAsSystem(`job: ${name}`, run);

  describe('token cleanup', () => {
    const now = new Date();
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

    async function family(rows: Partial<RefreshToken>[]): Promise<string> {
      const familyId = randomUUID();
      for (const row of rows) {
        await t.dataSource.getRepository(RefreshToken).insert({
          id: randomUUID(),
          tenantId: demo.tenantId,
          userId: demo.id,
          familyId,
          tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
          expiresAt: at(10 * DAY),
          sessionExpiresAt: at(60 * DAY),
          createdAt: at(-DAY),
          ...row,
        });
      }
      return familyId;
    }

    async function link(row: Partial<ActionToken>): Promise<string> {
      const id = randomUUID();
      await t.dataSource.getRepository(ActionToken).insert({
        id,
        tenantId: demo.tenantId,
        userId: demo.id,
        purpose: 'password_reset',
        tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '1'),
        expiresAt: at(HOUR),
        usedAt: null,
        createdAt: at(-HOUR),
        ...row,
      });
      return id;
    }

    it('deletes only sessions that can no longer be used, and only spent or expired links', async () => {
      const session = await login(t, DEMO.agent);
      const live = {
        // A rotated token stays while its family lives: replaying it must still revoke the family.
        rotated: await family([{ revokedAt: at(-2 * DAY), replacedBy: randomUUID() }, {}]),
        recentlyRevoked: await family([{ revokedAt: at(-HOUR) }]),
        almostExpired: await family([{ expiresAt: at(60_000) }]),
      };
      const dead = {
        expired: await family([{ expiresAt: at(-60_000) }]),
        pastSessionCap: await family([{ sessionExpiresAt: at(-60_000) }]),
        revokedLongAgo: await family([{ revokedAt: at(-2 * DAY), replacedBy: randomUUID() }, { revokedAt: at(-2 * DAY) }]),
        mixed: await family([{ expiresAt: at(-DAY) }, { revokedAt: at(-3 * DAY) }]),
      };
      const links = {
        usable: await link({}),
        used: await link({ usedAt: at(-60_000) }),
        expired: await link({ expiresAt: at(-60_000) }),
        invite: await link({ purpose: 'invite', expiresAt: at(6 * DAY) }),
      };

      const message = await asJob('auth.token-cleanup', () => t.app.get(TokenCleanupJob).run({ now, slot: 'test' }));
      expect(message).toBe('deleted 4 expired session(s) and 2 used or expired link(s)');

      const families = new Set((await t.dataSource.getRepository(RefreshToken).find()).map((row) => row.familyId));
      for (const familyId of Object.values(live)) expect(families.has(familyId)).toBe(true);
      for (const familyId of Object.values(dead)) expect(families.has(familyId)).toBe(false);
      const remaining = (await t.dataSource.getRepository(ActionToken).find()).map((row) => row.id);
      expect(remaining).toEqual(expect.arrayContaining([links.usable, links.invite]));
      expect(remaining).not.toContain(links.used);
      expect(remaining).not.toContain(links.expired);
      // The real session is untouched.
      await refresh(t, session.refreshToken).expect(200);
    });
  });

  describe('trial expiry', () => {
    const events: { name: keyof DomainEventMap; payload: unknown }[] = [];

    beforeAll(() => {
      const bus = t.app.get(DomainEvents);
      bus.on('tenant.trial_ending', (payload) => void events.push({ name: 'tenant.trial_ending', payload }));
      bus.on('tenant.trial_expired', (payload) => void events.push({ name: 'tenant.trial_expired', payload }));
    });

    async function tenant(slug: string, status: TenantStatus, trialEndsAt: Date | null): Promise<string> {
      const id = randomUUID();
      await t.dataSource.getRepository(Tenant).insert({ id, name: slug, slug, status, trialEndsAt });
      return id;
    }

    const statusOf = async (id: string) => (await t.dataSource.getRepository(Tenant).findOneByOrFail({ id: Equal(id) })).status;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

    it('suspends expired trials as the system, warns trials ending within 3 days once, and leaves the rest alone', async () => {
      // Whole seconds: MySQL DATETIME keeps no milliseconds.
      const now = new Date(Math.floor(Date.now() / 1000) * 1000);
      const demoSession = await login(t, DEMO.admin);
      await t.dataSource
        .getRepository(Tenant)
        .update({ id: Equal(demo.tenantId) }, { status: TenantStatus.Trial, trialEndsAt: new Date(now.getTime() - HOUR) });
      const endingSoon = await tenant('ending-soon', TenantStatus.Trial, new Date(now.getTime() + 2 * DAY));
      const endingLater = await tenant('ending-later', TenantStatus.Trial, new Date(now.getTime() + 10 * DAY));
      const paying = await tenant('paying', TenantStatus.Active, new Date(now.getTime() - DAY));
      const system = await t.dataSource.getRepository(Tenant).findOneByOrFail({ slug: Equal(SYSTEM_TENANT_SLUG) });
      await t.dataSource.getRepository(Tenant).update({ id: Equal(system.id) }, { status: TenantStatus.Trial, trialEndsAt: new Date(now.getTime() - DAY) });

      const trialExpiry = t.app.get(TrialExpiryJob);
      const job = { run: (context: { now: Date; slot: string }) => asJob('tenants.trial-expiry', () => trialExpiry.run(context)) };
      expect(await job.run({ now, slot: 'test-1' })).toBe('suspended 1 expired trial(s), warned 1 tenant(s) of a trial ending within 3 days');
      await settle();

      expect(await statusOf(demo.tenantId)).toBe(TenantStatus.Suspended);
      expect(await statusOf(endingSoon)).toBe(TenantStatus.Trial);
      expect(await statusOf(endingLater)).toBe(TenantStatus.Trial);
      expect(await statusOf(paying)).toBe(TenantStatus.Active);
      expect(await statusOf(system.id)).toBe(TenantStatus.Trial);
      // Suspension closes access at once, like a super admin's suspension.
      await refresh(t, demoSession.refreshToken).expect(401);
      const audit = await t.dataSource.getRepository(AuditLog).findBy({ tenantId: Equal(demo.tenantId), action: Equal('tenant.suspended') });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: null, entity: 'tenant', entityId: demo.tenantId });
      expect(audit[0].changes).toMatchObject({ status: { from: 'trial', to: 'suspended' }, reason: 'trial_expired' });

      expect(events).toEqual([
        { name: 'tenant.trial_expired', payload: { tenantId: demo.tenantId } },
        { name: 'tenant.trial_ending', payload: { tenantId: endingSoon, trialEndsAt: expect.any(String) } },
      ]);

      // The next runs (hourly) neither suspend again nor repeat the warning.
      expect(await job.run({ now: new Date(now.getTime() + HOUR), slot: 'test-2' })).toBe(
        'suspended 0 expired trial(s), warned 0 tenant(s) of a trial ending within 3 days',
      );
      await settle();
      expect(events).toHaveLength(2);

      // Ten days on: the extended trial is warned again (new end date), the other one has expired.
      const extendedTo = new Date(now.getTime() + 12 * DAY);
      await t.dataSource.getRepository(Tenant).update({ id: Equal(endingSoon) }, { trialEndsAt: extendedTo });
      expect(await job.run({ now: new Date(now.getTime() + 10 * DAY), slot: 'test-3' })).toBe(
        'suspended 1 expired trial(s), warned 1 tenant(s) of a trial ending within 3 days',
      );
      await settle();
      expect(events.slice(2)).toEqual([
        { name: 'tenant.trial_expired', payload: { tenantId: endingLater } },
        { name: 'tenant.trial_ending', payload: { tenantId: endingSoon, trialEndsAt: extendedTo.toISOString() } },
      ]);
    });
  });

  it('runs the notifications module’s retention as a daily job', async () => {
    const job = t.app.get(JobRegistry).get('notifications.retention')!;
    expect(job.cron).toBe('20 3 * * *');
    expect(await new JobRunner(new JobRepository(t.dataSource), 'instance-a').run(job, 'retention-1')).toMatchObject({
      outcome: 'ok',
      message: 'deleted 0 read notification(s) older than 90 days',
    });
  });

  describe('rollup consistency check', () => {
    it('finds recent rollups equal to a raw recount, and rebuilds a tenant whose rollups drifted', async () => {
      const now = new Date();
      const runner = new JobRunner(new JobRepository(t.dataSource), 'instance-a');
      const job = t.app.get(JobRegistry).get('attendances.rollup-check')!;
      const first = await runner.run(job, 'check-1');
      expect(first).toMatchObject({ outcome: 'ok', message: expect.stringContaining('all rollups match') });

      const tenant = await t.dataSource.getRepository(Tenant).findOneByOrFail({ id: Equal(demo.tenantId) });
      const day = dayInZone(new Date(now.getTime() - 2 * DAY), tenant.timezone);
      const [row] = await t.dataSource.query(
        "SELECT user_id AS userId, team_id AS teamId FROM attendance_rollup_totals WHERE tenant_id = ? AND grain = 'D' AND period = ?",
        [demo.tenantId, day],
      );
      expect(row).toBeDefined();
      // Drift: one agent-day counts an attendance too many.
      await t.dataSource.query(
        "UPDATE attendance_rollup_totals SET attendances = attendances + 1 WHERE tenant_id = ? AND grain = 'D' AND period = ? AND user_id = ? AND team_id = ?",
        [demo.tenantId, day, row.userId, row.teamId],
      );
      const consistency = t.app.get(RollupConsistency);
      const differingDays = () => t.app.get(TenantContext).runInTenant(tenant.id, () => consistency.differingDays(now, 7));
      expect(await differingDays()).toEqual([day]);

      const second = await runner.run(job, 'check-2');
      expect(second).toMatchObject({ outcome: 'ok', message: expect.stringContaining(`rebuilt for demo (1 day(s) from ${day})`) });
      expect(await differingDays()).toEqual([]);
      const recorded = await t.dataSource.getRepository(JobRun).findOneByOrFail({ job: Equal('attendances.rollup-check'), slot: Equal('check-2') });
      expect(recorded.message).toContain('rebuilt for demo');
      expect(t.app.get(RollupCheckJob)).toBeDefined();
    });
  });
});

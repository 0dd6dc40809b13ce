import { DateTime } from 'luxon';
import { Role, SYSTEM_TENANT_SLUG } from '@fasto/contracts';
import { DataSource } from 'typeorm';
import { verifyPassword } from '../src/core/auth/password-hashing';
import type { AppConfig } from '../src/core/config/app-config';
import { buildDataSourceOptions } from '../src/core/database/data-source-options';
import { ENTITIES } from '../src/entities';
import { runMigrations } from '../src/core/database/run-migrations';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { SeedRepository } from '../src/seed/seed.repository';
import { Seeder } from '../src/seed/seeder';
import { testConfig } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

interface Seeded {
  database: TestDatabase;
  dataSource: DataSource;
  config: AppConfig;
  seeder: Seeder;
}

/** The seed fills every tenant: like the CLI and the boot, it runs in the system scope. */
const asSeed = <T>(work: () => Promise<T>) => new TenantContext().runAsSystem('test: seed', work);

async function seededDatabase(): Promise<Seeded> {
  const database = await createTestDatabase();
  const config = testConfig(database);
  const dataSource = await new DataSource(buildDataSourceOptions(config, ENTITIES)).initialize();
  await runMigrations(dataSource);
  const seeder = new Seeder(new SeedRepository(dataSource), config);
  await asSeed(() => seeder.ensureSystemTenant());
  await asSeed(() => seeder.seedDemoIfEmpty());
  return { database, dataSource, config, seeder };
}

const fingerprint = (dataSource: DataSource) =>
  dataSource.query(
    `SELECT t.slug AS slug, COUNT(*) AS total, SUM(a.score) AS scores, SUM(CASE WHEN a.converted THEN 1 ELSE 0 END) AS converted,
            COUNT(a.funnel_stage_id) AS staged, MIN(a.external_id) AS firstExternal, MAX(a.customer_name) AS lastCustomer
       FROM attendances a JOIN tenants t ON t.id = a.tenant_id GROUP BY t.slug ORDER BY t.slug`,
  );

describe('seed', () => {
  let seeded: Seeded;

  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(async () => {
    await seeded.dataSource.destroy();
    await seeded.database.drop();
  });

  it('creates the system tenant with the super admin and the Demo and Acme organizations', async () => {
    const rows: { slug: string; role: string; n: number | string }[] = await seeded.dataSource.query(
      'SELECT t.slug AS slug, u.role AS role, COUNT(*) AS n FROM users u JOIN tenants t ON t.id = u.tenant_id GROUP BY t.slug, u.role ORDER BY t.slug, u.role',
    );
    const byTenant = rows.map((row) => `${row.slug}:${row.role}:${Number(row.n)}`);
    expect(byTenant).toEqual([
      'acme:admin:1',
      'acme:agent:2',
      'acme:manager:1',
      'demo:admin:1',
      'demo:agent:6',
      'demo:manager:2',
      `${SYSTEM_TENANT_SLUG}:super_admin:1`,
    ]);
  });

  it('puts the demo manager and agent in the same team, and every login works with DEMO_PASSWORD', async () => {
    const [manager, agent]: { team_id: string; password_hash: string }[] = await seeded.dataSource.query(
      `SELECT team_id, password_hash FROM users WHERE email IN ('manager@demo.fasto.app', 'agent@demo.fasto.app') ORDER BY email DESC`,
    );
    expect(manager.team_id).toBeTruthy();
    expect(manager.team_id).toBe(agent.team_id);
    expect(await verifyPassword(agent.password_hash, seeded.config.demoPassword)).toBe(true);
    const [superAdmin]: { password_hash: string; role: string }[] = await seeded.dataSource.query('SELECT password_hash, role FROM users WHERE email = ?', [
      seeded.config.superAdmin.email,
    ]);
    expect(superAdmin.role).toBe(Role.SuperAdmin);
    expect(await verifyPassword(superAdmin.password_hash, seeded.config.superAdmin.password)).toBe(true);
  });

  it('spreads 5,000 Demo attendances over the last 120 days, consistent with each agent’s team catalog', async () => {
    const [window]: { n: number | string; oldest: string | Date; newest: string | Date }[] = await seeded.dataSource.query(
      `SELECT COUNT(*) AS n, MIN(a.attended_at) AS oldest, MAX(a.attended_at) AS newest FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo'`,
    );
    expect(Number(window.n)).toBe(5000);
    const days = (Date.now() - new Date(window.oldest).getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(115);
    expect(days).toBeLessThan(121);
    expect(new Date(window.newest).getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);

    const [mismatches]: { n: number | string }[] = await seeded.dataSource.query(
      `SELECT COUNT(*) AS n FROM attendances a
         JOIN users u ON u.id = a.user_id
         JOIN teams tm ON tm.id = a.team_id
         LEFT JOIN funnel_stages s ON s.id = a.funnel_stage_id
         LEFT JOIN origin_items o ON o.id = a.origin_item_id
        WHERE u.tenant_id <> a.tenant_id OR u.team_id <> a.team_id OR tm.tenant_id <> a.tenant_id
           OR (a.funnel_stage_id IS NOT NULL AND s.funnel_id <> tm.funnel_id)
           OR (a.origin_item_id IS NOT NULL AND o.origin_group_id <> tm.origin_group_id)
           OR (a.converted <> COALESCE(s.is_won, 0))`,
    );
    expect(Number(mismatches.n)).toBe(0);
  });

  it('makes a demo that demos: data today, quieter weekends, a daily curve, and unread notifications', async () => {
    const rows: { at: string | Date }[] = await seeded.dataSource.query(
      `SELECT a.attended_at AS at FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo'`,
    );
    const zone = 'America/Sao_Paulo';
    const local = rows.map(({ at }) => DateTime.fromJSDate(typeof at === 'string' ? new Date(`${at.replace(' ', 'T')}Z`) : at, { zone }));
    const now = DateTime.now().setZone(zone);
    expect(local.every((instant) => instant.toMillis() <= now.toMillis())).toBe(true);
    expect(local.filter((instant) => instant.hasSame(now, 'day')).length).toBeGreaterThan(0);

    const perDay = new Map<string, { weekend: boolean; n: number }>();
    for (const instant of local) {
      const day = instant.toISODate()!;
      if (instant.hasSame(now, 'day')) continue;
      const entry = perDay.get(day) ?? { weekend: instant.weekday >= 6, n: 0 };
      entry.n += 1;
      perDay.set(day, entry);
    }
    const average = (weekend: boolean) => {
      const days = [...perDay.values()].filter((entry) => entry.weekend === weekend);
      return days.reduce((sum, entry) => sum + entry.n, 0) / days.length;
    };
    expect(average(false)).toBeGreaterThan(2 * average(true));
    const inHours = local.filter((instant) => instant.hour >= 8 && instant.hour < 20).length;
    const atNight = local.filter((instant) => instant.hour < 6).length;
    expect(inHours / local.length).toBeGreaterThan(0.8);
    expect(atNight / local.length).toBeLessThan(0.05);

    const unread: { email: string; type: string; n: number | string }[] = await seeded.dataSource.query(
      `SELECT u.email AS email, n.type AS type, COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.read_at IS NULL AND u.email IN ('admin@demo.fasto.app', 'manager@demo.fasto.app') GROUP BY u.email, n.type`,
    );
    const kinds = (email: string) =>
      unread
        .filter((row) => row.email === email && Number(row.n) > 0)
        .map((row) => row.type)
        .sort();
    expect(kinds('manager@demo.fasto.app')).toEqual(['low_score', 'sale_closed', 'slow_first_response']);
    expect(kinds('admin@demo.fasto.app')).toEqual(['sale_closed', 'user_created']);
  });

  it('leaves an already seeded database alone', async () => {
    const before = await fingerprint(seeded.dataSource);
    expect(await asSeed(() => seeded.seeder.seedDemoIfEmpty())).toBe(false);
    await asSeed(() => seeded.seeder.ensureSystemTenant());
    expect(await fingerprint(seeded.dataSource)).toEqual(before);
  });

  it('is deterministic: a second database gets the very same data', async () => {
    const other = await seededDatabase();
    try {
      expect(await fingerprint(other.dataSource)).toEqual(await fingerprint(seeded.dataSource));
    } finally {
      await other.dataSource.destroy();
      await other.database.drop();
    }
  });

  it('appends larger data sets with fresh external ids', async () => {
    await asSeed(() => seeded.seeder.addAttendances('acme', 1200));
    const [row]: { n: number | string; distinctIds: number | string }[] = await seeded.dataSource.query(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT a.external_id) AS distinctIds FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'acme'`,
    );
    expect(Number(row.n)).toBe(2000);
    expect(Number(row.distinctIds)).toBe(2000);
  });
});

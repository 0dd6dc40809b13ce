import { TenantOwnedEntity } from '../src/core/database/base.entity';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { currentScope } from '../src/core/tenancy/tenant-scope';
import { TenantTable, type TenantWhere } from '../src/core/tenancy/tenant-table';
import { client, DEMO, type Client } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { tenantOwnedTables, verdict } from './support/tenant-sql/tenant-sql-checker';
import { factsOf, originOf } from './support/tenant-sql/tenant-sql-rules';
import { checker } from './support/tenant-sql/tenant-sql-setup';

const TABLES = new Set(['teams', 'users', 'attendances']);
const unscoped = (sql: string) => factsOf(sql, TABLES).unscopedTables;
const stackFrom = (file: string) => () => [`Error\n    at check (/repo/node_modules/typeorm/x.js:1:1)\n    at async TeamsRepository.page (/repo/apps/api/${file}:10:5)`];
const fromSource = stackFrom('src/modules/teams/teams.repository.ts');

describe('tenant SQL checker', () => {
  describe('rules', () => {
    it('derives the tenant-owned tables from the entities, rollups included, and not the system-wide ones', () => {
      const tables = tenantOwnedTables();
      expect([...tables]).toEqual(expect.arrayContaining(['teams', 'users', 'attendances', 'notifications', 'audit_logs', 'attendance_rollup_totals']));
      for (const systemWide of ['tenants', 'job_runs', 'job_markers', 'rate_limit_counters']) expect(tables.has(systemWide)).toBe(false);
    });

    it('passes a bound tenant in a WHERE or ON predicate, quoted or not, on either engine', () => {
      expect(unscoped('SELECT "Team"."id" FROM "teams" "Team" WHERE (("Team"."name" = ?) AND ("Team"."tenant_id" = ?))')).toEqual([]);
      expect(unscoped('SELECT `Team`.`id` FROM `teams` `Team` WHERE `Team`.`tenant_id` = ?')).toEqual([]);
      expect(unscoped('SELECT a.id FROM attendances a JOIN users u ON u.id = a.user_id AND u.tenant_id = ? WHERE a.id = ?')).toEqual([]);
      expect(unscoped('DELETE FROM teams WHERE tenant_id IN (?, ?) AND id = ?')).toEqual([]);
      expect(unscoped('UPDATE `teams` SET `name` = ? WHERE `tenant_id` = ? AND `id` = ?')).toEqual([]);
    });

    it('passes an INSERT whose tenant_id value is a parameter, and nothing else', () => {
      expect(unscoped(`INSERT INTO "teams"("id", "tenant_id", "created_at") VALUES (?, ?, strftime('%Y-%m-%d %H:%M:%f', 'now'))`)).toEqual([]);
      expect(unscoped("INSERT INTO teams (id, tenant_id) VALUES (?, 'a-tenant')")).toEqual(['teams']);
      expect(unscoped('INSERT INTO teams (id, name) VALUES (?, ?)')).toEqual(['teams']);
    });

    it('fails a statement on a tenant-owned table with no bound tenant', () => {
      expect(unscoped('SELECT * FROM teams WHERE id = ?')).toEqual(['teams']);
      expect(unscoped('SELECT u.id FROM users u INNER JOIN tenants t ON t.id = u.tenant_id WHERE u.id = ?')).toEqual(['users']);
      expect(unscoped("SELECT * FROM teams WHERE name = 'tenant_id = ?'")).toEqual(['teams']);
      // A tenant in the SET of an UPDATE is a value written, not a filter.
      expect(unscoped('UPDATE users SET tenant_id = ? WHERE id = ?')).toEqual(['users']);
      // Each statement of a round trip stands on its own.
      expect(unscoped('SELECT 1 FROM teams WHERE tenant_id = ?;\nDELETE FROM attendances WHERE id = ?')).toEqual(['attendances']);
    });

    it('ignores schema, transaction and lock statements, and tables that are not tenant-owned', () => {
      for (const sql of ['CREATE TABLE teams (id varchar(36))', 'ALTER TABLE users ADD x int', 'START TRANSACTION', 'COMMIT', 'PRAGMA table_info(teams)', 'SELECT * FROM tenants WHERE id = ?']) {
        expect(unscoped(sql)).toEqual([]);
      }
    });

    it('names the first source file outside the data layer as the origin; a test file or a migration is a fixture', () => {
      const frame = (file: string) => `    at async Something.method (/repo/apps/api/${file}:10:5)`;
      const stack = (...files: string[]) => ['Error', '    at check (/repo/node_modules/typeorm/x.js:1:1)', ...files.map(frame)].join('\n');
      expect(originOf(stack('src/core/tenancy/tenant-table.ts', 'src/core/database/transactions.ts', 'src/modules/teams/teams.service.ts', 'test/teams.e2e-spec.ts'))).toEqual({
        kind: 'source',
        file: 'modules/teams/teams.service.ts',
      });
      expect(originOf(stack('src/core/database/transactions.ts', 'test/teams.e2e-spec.ts'))).toEqual({ kind: 'fixture', file: 'test/teams.e2e-spec.ts' });
      expect(originOf(stack('src/core/database/migrations/1763800000000-initial-schema.ts'))).toMatchObject({ kind: 'fixture' });
      expect(originOf(stack())).toEqual({ kind: 'unknown' });
    });

    it('fails a statement without tenant_id from source code, passes the same inside runAsSystem, and reports an allow-listed file', async () => {
      const context = new TenantContext();
      const facts = factsOf('SELECT * FROM teams WHERE id = ?', TABLES);
      const sql = 'SELECT * FROM teams WHERE id = ?';
      const inTenant = context.runInTenant('tenant-a', () => verdict(facts, currentScope(), fromSource, new Set(), sql));
      expect(inTenant).toMatchObject({ file: 'modules/teams/teams.repository.ts', tables: ['teams'], allowListed: false });
      expect(verdict(facts, null, fromSource, new Set(), sql)).toMatchObject({ allowListed: false });
      expect(context.runAsSystem('test: sweep', () => verdict(facts, currentScope(), fromSource, new Set(), sql))).toBeNull();
      expect(verdict(facts, null, fromSource, new Set(['modules/teams/teams.repository.ts']), sql)).toMatchObject({ allowListed: true });
      expect(verdict(facts, null, stackFrom('test/x.e2e-spec.ts'), new Set(), sql)).toBeNull();
      // A stack that stops inside TypeORM's transaction falls back to the call that opened the transaction.
      const lost = 'Error\n    at query (/repo/node_modules/typeorm/x.js:1:1)';
      expect(verdict(facts, null, () => [lost, fromSource()[0]], new Set(), sql)).toMatchObject({ file: 'modules/teams/teams.repository.ts' });
      expect(verdict(facts, null, () => [lost], new Set(), sql)).toMatchObject({ file: '<unknown origin>', stack: expect.stringContaining('typeorm') });
    });
  });

  describe('at the drivers, on a running app', () => {
    let t: TestApp;
    let admin: Client;
    let teamId: string;

    beforeAll(async () => {
      t = await startTestApp({ seed: true });
      admin = await client(t, DEMO.admin);
      const [team] = await t.dataSource.query('SELECT id FROM teams WHERE tenant_id = ?', [admin.session.body.user.tenantId]);
      teamId = team.id;
    });
    afterAll(() => t.close());

    it('sees nothing wrong in a scoped request', async () => {
      await admin.get(`/api/teams/${teamId}`).expect(200);
      expect(checker.takeFailures()).toEqual([]);
    });

    it('catches a request whose TenantTable lost its tenant predicate', async () => {
      const table = TenantTable.prototype as unknown as { scoped: (where: TenantWhere<TenantOwnedEntity>) => unknown };
      const scoped = table.scoped;
      table.scoped = (where) => ({ ...where });
      try {
        await admin.get(`/api/teams/${teamId}`).expect(200);
      } finally {
        table.scoped = scoped;
      }
      const failures = checker.takeFailures();
      expect(failures).toContainEqual(expect.objectContaining({ file: 'modules/teams/teams.service.ts', tables: ['teams'], allowListed: false }));
    });
  });
});

import { randomUUID } from 'node:crypto';
import { Equal } from 'typeorm';
import { TenantContext } from '../src/core/tenancy/tenant-context';
import { TenantTables, type TenantTable } from '../src/core/tenancy/tenant-table';
import { Attendance } from '../src/modules/attendances/entities/attendance.entity';
import { Team } from '../src/modules/teams/entities/team.entity';
import { client, DEMO } from './support/auth-helpers';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenant table (the repository base)', () => {
  let t: TestApp;
  let teams: TenantTable<Team>;
  let context: TenantContext;
  let demoTenant: string;
  let acmeTeam: Team;

  beforeAll(async () => {
    t = await startTestApp({ seed: true });
    teams = t.app.get(TenantTables).of(Team);
    context = t.app.get(TenantContext);
    demoTenant = (await client(t, DEMO.admin)).session.body.user.tenantId;
    const acmeTenant = (await client(t, DEMO.acmeAdmin)).session.body.user.tenantId;
    [acmeTeam] = await context.runInTenant(acmeTenant, () => teams.find());
  });
  afterAll(() => t.close());

  const asDemo = <T>(work: () => Promise<T>) => context.runInTenant(demoTenant, work);
  const acmeTeamNow = () =>
    t.app.get(TenantContext).runAsSystem('test: read back', () => t.dataSource.getRepository(Team).findOneBy({ id: Equal(acmeTeam.id) }));

  it('never answers an undefined, null or empty id with the first row', async () => {
    await asDemo(async () => {
      expect(await teams.findOneById(undefined)).toBeNull();
      expect(await teams.findOneById(null)).toBeNull();
      expect(await teams.findOneById('')).toBeNull();
      expect((await teams.find()).length).toBeGreaterThan(0);
    });
  });

  it('does not see, count, change or delete another tenant’s row', async () => {
    await asDemo(async () => {
      expect(await teams.findOneById(acmeTeam.id)).toBeNull();
      expect(await teams.exists({ id: Equal(acmeTeam.id) })).toBe(false);
      expect(await teams.count({ id: Equal(acmeTeam.id) })).toBe(0);
      expect(await teams.queryBuilder('t').andWhere('t.id = :id', { id: acmeTeam.id }).getMany()).toEqual([]);
      await teams.update({ id: Equal(acmeTeam.id) }, { name: 'Hijacked' });
      await teams.delete({ id: Equal(acmeTeam.id) });
    });
    expect(await acmeTeamNow()).toMatchObject({ id: acmeTeam.id, name: acmeTeam.name });
  });

  it('writes the scope’s tenant, whatever the values say', async () => {
    const id = randomUUID();
    await asDemo(() => teams.insert({ id, name: 'Base insert', ...({ tenantId: acmeTeam.tenantId } as object) }));
    const row = await asDemo(() => teams.findOneById(id));
    expect(row?.tenantId).toBe(demoTenant);
  });

  it('soft-deletes only the scope’s rows', async () => {
    const attendances = t.app.get(TenantTables).of(Attendance);
    const [acmeAttendance, demoAttendance] = [{ id: randomUUID() }, { id: randomUUID() }];
    await context.runInTenant(acmeTeam.tenantId, () => attendances.insert({ id: acmeAttendance.id, externalId: 'soft-delete-probe', attendedAt: new Date() }));
    await asDemo(() => attendances.insert({ id: demoAttendance.id, externalId: 'soft-delete-probe', attendedAt: new Date() }));
    await asDemo(() => attendances.softDelete({ id: Equal(acmeAttendance.id) }));
    await asDemo(() => attendances.softDelete({ id: Equal(demoAttendance.id) }));
    const deletedAt = (id: string) =>
      context.runAsSystem('test: read back', () => t.dataSource.getRepository(Attendance).findOne({ where: { id: Equal(id) }, withDeleted: true }));
    expect((await deletedAt(acmeAttendance.id))?.deletedAt).toBeNull();
    expect((await deletedAt(demoAttendance.id))?.deletedAt).toBeInstanceOf(Date);
    expect(await asDemo(() => attendances.findOneById(demoAttendance.id))).toBeNull();
  });

  it('refuses to run outside a tenant scope, system scope included', async () => {
    await expect(teams.find()).rejects.toThrow(/no tenant scope is active/);
    await expect(context.runAsSystem('test: sweep', () => teams.count())).rejects.toThrow(/system scope/);
  });
});

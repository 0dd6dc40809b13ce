import { Role, SYSTEM_TENANT_SLUG, TenantStatus } from '@fasto/contracts';
import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../core/config/app-config';
import { hashPassword } from '../core/auth/password-hashing';
import { TenantContext } from '../core/tenancy/tenant-context';
import { TenantTables } from '../core/tenancy/tenant-table';
import { Attendance } from '../modules/attendances/entities/attendance.entity';
import { Funnel } from '../modules/funnels/entities/funnel.entity';
import { FunnelStage } from '../modules/funnels/entities/funnel-stage.entity';
import { OriginGroup } from '../modules/origins/entities/origin-group.entity';
import { OriginItem } from '../modules/origins/entities/origin-item.entity';
import { Team } from '../modules/teams/entities/team.entity';
import { Tenant } from '../modules/tenants/entities/tenant.entity';
import { User } from '../modules/users/entities/user.entity';
import { RollupDelta } from '../modules/attendances/rollups/rollup-delta';
import { factsOf } from '../modules/attendances/rollups/rollup-rebuild.service';
import { RollupWriter } from '../modules/attendances/rollups/rollup-writer.service';
import { generateAttendances, type SeedAgent, type SeedTeamCatalog } from './attendance-factory';
import { DemoCalendar } from './demo-calendar';
import { seedDemoNotifications } from './demo-notifications';
import { DEMO_HISTORY_DAYS, DEMO_TENANTS, type DemoTenant } from './demo-tenants';
import { seededRandom } from './random';

const INSERT_CHUNK = 1000;

export type SeedLog = (message: string) => void;

/** Creates the system tenant, the demo organizations and bulk attendance history. */
export class Seeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly log: SeedLog = () => undefined,
  ) {}

  /** The hidden `system` tenant and its super admin must exist in every deployment. */
  async ensureSystemTenant(): Promise<void> {
    const tenants = this.dataSource.getRepository(Tenant);
    if (await tenants.existsBy({ slug: SYSTEM_TENANT_SLUG })) return;
    const passwordHash = await hashPassword(this.config.superAdmin.password);
    await this.dataSource.transaction(async (manager) => {
      const system = await manager.save(Tenant, { name: 'Fasto', slug: SYSTEM_TENANT_SLUG, status: TenantStatus.Active, plan: 'system' });
      await manager.insert(User, {
        tenantId: system.id,
        email: this.config.superAdmin.email,
        fullName: 'Super Admin',
        role: Role.SuperAdmin,
        passwordHash,
        isActive: true,
      });
    });
    this.log(`created the system tenant and super admin ${this.config.superAdmin.email}`);
  }

  /** Seeds Demo and Acme only into a database that has no organization yet. */
  async seedDemoIfEmpty(options: { withAttendances?: boolean } = {}): Promise<boolean> {
    if (await this.dataSource.getRepository(Tenant).existsBy({ slug: Not(SYSTEM_TENANT_SLUG) })) return false;
    const passwordHash = await hashPassword(this.config.demoPassword);
    for (const demo of DEMO_TENANTS) {
      const tenantId = await this.dataSource.transaction((manager) => this.createOrganization(manager, demo, passwordHash));
      const attendances = options.withAttendances === false ? 0 : demo.attendances;
      if (attendances > 0) {
        await this.addAttendances(demo.slug, attendances);
        await seedDemoNotifications(new TenantTables(this.dataSource, new TenantContext()), tenantId, demo.name);
      }
      this.log(`seeded tenant ${demo.name} with ${demo.users.length} users and ${attendances} attendances (${tenantId})`);
    }
    return true;
  }

  private async createOrganization(manager: EntityManager, demo: DemoTenant, passwordHash: string): Promise<string> {
    const tenant = await manager.save(Tenant, { name: demo.name, slug: demo.slug, status: TenantStatus.Active, plan: demo.plan });
    const tenantId = tenant.id;
    const funnelIds: string[] = [];
    for (const funnel of demo.funnels) {
      const saved = await manager.save(Funnel, { tenantId, name: funnel.name });
      funnelIds.push(saved.id);
      await manager.insert(
        FunnelStage,
        funnel.stages.map((stage, position) => ({ tenantId, funnelId: saved.id, name: stage.name, color: stage.color, position, isWon: stage.isWon ?? false })),
      );
    }
    const groupIds: string[] = [];
    for (const group of demo.originGroups) {
      const saved = await manager.save(OriginGroup, { tenantId, name: group.name });
      groupIds.push(saved.id);
      await manager.insert(
        OriginItem,
        group.items.map((item, position) => ({ tenantId, originGroupId: saved.id, name: item.name, color: item.color, position })),
      );
    }
    const teamIds: string[] = [];
    for (const team of demo.teams) {
      const saved = await manager.save(Team, { tenantId, name: team.name, funnelId: funnelIds[team.funnel], originGroupId: groupIds[team.originGroup] });
      teamIds.push(saved.id);
    }
    await manager.insert(
      User,
      demo.users.map((user) => ({
        tenantId,
        email: user.email,
        fullName: user.fullName,
        phone: user.phone ?? null,
        role: user.role,
        teamId: user.team === null ? null : teamIds[user.team],
        passwordHash,
        isActive: true,
      })),
    );
    return tenantId;
  }

  /**
   * Appends `count` deterministic attendances to a tenant, spread over the last `historyDays` days
   * across its agents, each with its team's stages and origins.
   */
  async addAttendances(tenantSlug: string, count: number, historyDays = DEMO_HISTORY_DAYS): Promise<void> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneByOrFail({ slug: tenantSlug });
    const demo = DEMO_TENANTS.find((candidate) => candidate.slug === tenantSlug);
    const agents = await this.loadAgents(tenant.id);
    if (agents.length === 0) throw new Error(`Tenant ${tenantSlug} has no agents in a team to attribute attendances to`);
    const existing = await this.dataSource.getRepository(Attendance).count({ where: { tenantId: tenant.id }, withDeleted: true });
    // History runs up to now, so today and this month have data to show; never in the future.
    const until = new Date();
    const spec = {
      tenantId: tenant.id,
      agents,
      catalogs: await this.loadCatalogs(tenant.id, agents),
      random: seededRandom((demo?.randomSeed ?? 7) + existing),
      until,
      historyDays,
      calendar: new DemoCalendar(until, historyDays, tenant.timezone),
      externalIdPrefix: 'seed',
      firstIndex: existing,
      total: count,
    };
    const rollups = new RollupWriter(this.dataSource);
    for (let done = 0; done < count; done += INSERT_CHUNK) {
      const rows = generateAttendances(spec, existing + done, Math.min(INSERT_CHUNK, count - done));
      const delta = new RollupDelta();
      for (const row of rows) delta.add(factsOf(row), 1, tenant.timezone);
      await this.dataSource.transaction(async (manager) => {
        await manager.createQueryBuilder().insert().into(Attendance).values(rows).updateEntity(false).execute();
        await rollups.apply(manager, delta);
      });
      if (count >= 50_000 && (done / INSERT_CHUNK) % 100 === 0) this.log(`  ${done + rows.length}/${count} attendances`);
    }
  }

  private async loadAgents(tenantId: string): Promise<SeedAgent[]> {
    const users = await this.dataSource.getRepository(User).find({ where: { tenantId, role: Role.Agent, isActive: true }, order: { email: 'ASC' } });
    return users.filter((user): user is User & { teamId: string } => user.teamId !== null).map((user) => ({ id: user.id, teamId: user.teamId }));
  }

  private async loadCatalogs(tenantId: string, agents: SeedAgent[]): Promise<Map<string, SeedTeamCatalog>> {
    const teams = await this.dataSource.getRepository(Team).findBy({ tenantId, id: In([...new Set(agents.map((agent) => agent.teamId))]) });
    const catalogs = new Map<string, SeedTeamCatalog>();
    for (const team of teams) {
      const stages = team.funnelId
        ? await this.dataSource.getRepository(FunnelStage).find({ where: { tenantId, funnelId: team.funnelId }, order: { position: 'ASC' } })
        : [];
      const origins = team.originGroupId
        ? await this.dataSource.getRepository(OriginItem).find({ where: { tenantId, originGroupId: team.originGroupId }, order: { position: 'ASC' } })
        : [];
      if (stages.length && origins.length) {
        catalogs.set(team.id, { stages: stages.map((stage) => ({ id: stage.id, isWon: stage.isWon })), originIds: origins.map((origin) => origin.id) });
      }
    }
    return catalogs;
  }
}

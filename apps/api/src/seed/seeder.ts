import type { AppConfig } from '../core/config/app-config';
import { hashPassword } from '../core/auth/password-hashing';
import { RollupDelta } from '../modules/attendances/rollups/rollup-delta';
import { factsOf } from '../modules/attendances/rollups/rollup-rebuild.service';
import type { User } from '../modules/users/entities/user.entity';
import { generateAttendances, type SeedAgent, type SeedTeamCatalog } from './attendance-factory';
import { DemoCalendar } from './demo-calendar';
import { DEMO_HISTORY_DAYS, DEMO_TENANTS } from './demo-tenants';
import { seededRandom } from './random';
import type { SeedRepository } from './seed.repository';

const INSERT_CHUNK = 1000;

export type SeedLog = (message: string) => void;

/** Creates the system tenant, the demo organizations and bulk attendance history; run it in the system scope. */
export class Seeder {
  constructor(
    private readonly database: SeedRepository,
    private readonly config: AppConfig,
    private readonly log: SeedLog = () => undefined,
  ) {}

  /** The hidden `system` tenant and its super admin must exist in every deployment. */
  async ensureSystemTenant(): Promise<void> {
    if (await this.database.systemTenantExists()) return;
    const passwordHash = await hashPassword(this.config.superAdmin.password);
    await this.database.createSystemTenant({ email: this.config.superAdmin.email, passwordHash });
    this.log(`created the system tenant and super admin ${this.config.superAdmin.email}`);
  }

  /** Seeds Demo and Acme only into a database that has no organization yet. */
  async seedDemoIfEmpty(options: { withAttendances?: boolean } = {}): Promise<boolean> {
    if (await this.database.anyOrganizationExists()) return false;
    const passwordHash = await hashPassword(this.config.demoPassword);
    for (const demo of DEMO_TENANTS) {
      const tenantId = await this.database.createOrganization(demo, passwordHash);
      const attendances = options.withAttendances === false ? 0 : demo.attendances;
      if (attendances > 0) {
        await this.addAttendances(demo.slug, attendances);
        await this.database.demoNotifications(tenantId, demo.name);
      }
      this.log(`seeded tenant ${demo.name} with ${demo.users.length} users and ${attendances} attendances (${tenantId})`);
    }
    return true;
  }

  /**
   * Appends `count` deterministic attendances to a tenant, spread over the last `historyDays` days
   * across its agents, each with its team's stages and origins.
   */
  async addAttendances(tenantSlug: string, count: number, historyDays = DEMO_HISTORY_DAYS): Promise<void> {
    const tenant = await this.database.tenantBySlug(tenantSlug);
    const demo = DEMO_TENANTS.find((candidate) => candidate.slug === tenantSlug);
    const agents = await this.loadAgents(tenant.id);
    if (agents.length === 0) throw new Error(`Tenant ${tenantSlug} has no agents in a team to attribute attendances to`);
    const existing = await this.database.attendancesEverOf(tenant.id);
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
    for (let done = 0; done < count; done += INSERT_CHUNK) {
      const rows = generateAttendances(spec, existing + done, Math.min(INSERT_CHUNK, count - done));
      const delta = new RollupDelta();
      for (const row of rows) delta.add(factsOf(row), 1, tenant.timezone);
      await this.database.insertAttendances(rows, delta);
      if (count >= 50_000 && (done / INSERT_CHUNK) % 100 === 0) this.log(`  ${done + rows.length}/${count} attendances`);
    }
  }

  private async loadAgents(tenantId: string): Promise<SeedAgent[]> {
    const users = await this.database.activeAgentsOf(tenantId);
    return users.filter((user): user is User & { teamId: string } => user.teamId !== null).map((user) => ({ id: user.id, teamId: user.teamId }));
  }

  private async loadCatalogs(tenantId: string, agents: SeedAgent[]): Promise<Map<string, SeedTeamCatalog>> {
    const teams = await this.database.teamsOf(tenantId, [...new Set(agents.map((agent) => agent.teamId))]);
    const catalogs = new Map<string, SeedTeamCatalog>();
    for (const team of teams) {
      const stages = team.funnelId ? await this.database.stagesOf(tenantId, team.funnelId) : [];
      const origins = team.originGroupId ? await this.database.originsOf(tenantId, team.originGroupId) : [];
      if (stages.length && origins.length) {
        catalogs.set(team.id, { stages: stages.map((stage) => ({ id: stage.id, isWon: stage.isWon })), originIds: origins.map((origin) => origin.id) });
      }
    }
    return catalogs;
  }
}

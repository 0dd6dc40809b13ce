import { Role, SYSTEM_TENANT_SLUG, TenantStatus } from '@fasto/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { In, Not, DataSource } from 'typeorm';
import { withNamedLock } from '../core/database/named-lock';
import { Transactions } from '../core/database/transactions';
import { TenantContext } from '../core/tenancy/tenant-context';
import { TenantTables } from '../core/tenancy/tenant-table';
import { Attendance } from '../modules/attendances/entities/attendance.entity';
import type { RollupDelta } from '../modules/attendances/rollups/rollup-delta';
import { RollupsRepository } from '../modules/attendances/rollups/rollups.repository';
import { Funnel } from '../modules/funnels/entities/funnel.entity';
import { FunnelStage } from '../modules/funnels/entities/funnel-stage.entity';
import { OriginGroup } from '../modules/origins/entities/origin-group.entity';
import { OriginItem } from '../modules/origins/entities/origin-item.entity';
import { Team } from '../modules/teams/entities/team.entity';
import { Tenant } from '../modules/tenants/entities/tenant.entity';
import { User } from '../modules/users/entities/user.entity';
import { seedDemoNotifications } from './demo-notifications';
import type { DemoTenant } from './demo-tenants';

/**
 * The SQL of the seed, which fills every tenant: each method runs only in the system scope
 * (the CLI's, the boot's or a test's `runAsSystem`), and writes the tenant ids it is given.
 */
export class SeedRepository {
  private readonly context = new TenantContext();
  private rollups?: RollupsRepository;

  constructor(private readonly dataSource: DataSource) {}

  /** The seed of a running API (boot). */
  static of(app: INestApplicationContext): SeedRepository {
    return new SeedRepository(app.get(DataSource));
  }

  /** Runs `work` holding a database-wide lock: two instances booting on an empty database would both seed. */
  underLock<T>(name: string, timeoutSeconds: number, work: () => Promise<T>): Promise<T> {
    return withNamedLock(this.dataSource, name, timeoutSeconds, work);
  }

  systemTenantExists(): Promise<boolean> {
    this.context.system();
    return this.dataSource.getRepository(Tenant).existsBy({ slug: SYSTEM_TENANT_SLUG });
  }

  anyOrganizationExists(): Promise<boolean> {
    this.context.system();
    return this.dataSource.getRepository(Tenant).existsBy({ slug: Not(SYSTEM_TENANT_SLUG) });
  }

  /** The hidden `system` tenant and its super admin. */
  async createSystemTenant(superAdmin: { email: string; passwordHash: string }): Promise<void> {
    this.context.system();
    await this.dataSource.transaction(async (manager) => {
      const system = await manager.save(Tenant, { name: 'Fasto', slug: SYSTEM_TENANT_SLUG, status: TenantStatus.Active, plan: 'system' });
      await manager.insert(User, {
        tenantId: system.id,
        email: superAdmin.email,
        fullName: 'Super Admin',
        role: Role.SuperAdmin,
        passwordHash: superAdmin.passwordHash,
        isActive: true,
      });
    });
  }

  /** A demo organization with its funnels, origins, teams and members, in one transaction; its id. */
  createOrganization(demo: DemoTenant, passwordHash: string): Promise<string> {
    this.context.system();
    return this.dataSource.transaction(async (manager) => {
      const tenant = await manager.save(Tenant, { name: demo.name, slug: demo.slug, status: TenantStatus.Active, plan: demo.plan });
      const tenantId = tenant.id;
      const funnelIds: string[] = [];
      for (const funnel of demo.funnels) {
        const saved = await manager.save(Funnel, { tenantId, name: funnel.name });
        funnelIds.push(saved.id);
        await manager.insert(
          FunnelStage,
          funnel.stages.map((stage, position) => ({
            tenantId,
            funnelId: saved.id,
            name: stage.name,
            color: stage.color,
            position,
            isWon: stage.isWon ?? false,
          })),
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
    });
  }

  demoNotifications(tenantId: string, tenantName: string): Promise<void> {
    this.context.system();
    return seedDemoNotifications(new TenantTables(this.dataSource, this.context), tenantId, tenantName);
  }

  tenantBySlug(slug: string): Promise<Tenant> {
    this.context.system();
    return this.dataSource.getRepository(Tenant).findOneByOrFail({ slug });
  }

  /** Every attendance the tenant ever had, deleted ones included (the seed numbers its rows after them). */
  attendancesEverOf(tenantId: string): Promise<number> {
    this.context.system();
    return this.dataSource.getRepository(Attendance).count({ where: { tenantId }, withDeleted: true });
  }

  /** The tenant's active agents, by e-mail. */
  activeAgentsOf(tenantId: string): Promise<User[]> {
    this.context.system();
    return this.dataSource.getRepository(User).find({ where: { tenantId, role: Role.Agent, isActive: true }, order: { email: 'ASC' } });
  }

  teamsOf(tenantId: string, teamIds: string[]): Promise<Team[]> {
    this.context.system();
    return this.dataSource.getRepository(Team).findBy({ tenantId, id: In(teamIds) });
  }

  stagesOf(tenantId: string, funnelId: string): Promise<FunnelStage[]> {
    this.context.system();
    return this.dataSource.getRepository(FunnelStage).find({ where: { tenantId, funnelId }, order: { position: 'ASC' } });
  }

  originsOf(tenantId: string, originGroupId: string): Promise<OriginItem[]> {
    this.context.system();
    return this.dataSource.getRepository(OriginItem).find({ where: { tenantId, originGroupId }, order: { position: 'ASC' } });
  }

  /** Inserts a chunk of attendances and adds them to the rollups, in one transaction. */
  async insertAttendances(rows: Partial<Attendance>[], delta: RollupDelta): Promise<void> {
    this.context.system();
    const tenantId = rows[0]?.tenantId;
    if (!tenantId) return;
    const rollups = (this.rollups ??= new RollupsRepository(this.dataSource, new TenantTables(this.dataSource, this.context), this.context));
    // A chunk is one tenant's: its rollups are written in that tenant's scope, as their repository requires.
    await this.context.runInTenant(tenantId, () =>
      new Transactions(this.dataSource).run(async (manager) => {
        await manager.createQueryBuilder().insert().into(Attendance).values(rows).updateEntity(false).execute();
        await rollups.apply(delta);
      }),
    );
  }
}

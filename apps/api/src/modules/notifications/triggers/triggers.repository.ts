import { Role, SYSTEM_TENANT_SLUG } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { activeManager } from '../../../core/database/transactions';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { TenantTables } from '../../../core/tenancy/tenant-table';
import { Team } from '../../teams/entities/team.entity';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';

/** An active user who receives a notification, and the tenant the row belongs to (theirs). */
export interface Recipient {
  tenantId: string;
  userId: string;
  role: Role;
  teamId: string | null;
}

/** What the notification triggers read: who to tell, and the names they tell about. In the event's tenant but for `superAdmins`. */
@Injectable()
export class TriggersRepository {
  private readonly users = this.tables.of(User);
  private readonly teams = this.tables.of(Team);

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The tenant's active admins, and the active managers of one team (when a team is given) — in one query. */
  adminsAndTeamManagers(teamId: string | null): Promise<Recipient[]> {
    return this.users
      .queryBuilder('u')
      .select('u.tenantId', 'tenantId')
      .addSelect('u.id', 'userId')
      .addSelect('u.role', 'role')
      .addSelect('u.teamId', 'teamId')
      .andWhere('u.isActive = :active', { active: true })
      .andWhere('(u.role = :admin OR (u.role = :manager AND u.teamId = :teamId))', { admin: Role.Admin, manager: Role.Manager, teamId: teamId ?? '' })
      .getRawMany<Recipient>();
  }

  /** The super admins, who live in the hidden system tenant: a cross-tenant read (system scope). */
  superAdmins(): Promise<Recipient[]> {
    this.context.system();
    return activeManager(this.dataSource).query<Recipient[]>(
      `SELECT u.tenant_id AS tenantId, u.id AS userId, u.role AS role, u.team_id AS teamId
         FROM users u INNER JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = ? AND u.role = ? AND u.is_active = ?`,
      [SYSTEM_TENANT_SLUG, Role.SuperAdmin, true],
    );
  }

  member(userId: string): Promise<User | null> {
    return this.users.findOneById(userId);
  }

  team(teamId: string | null): Promise<Team | null> {
    return this.teams.findOneById(teamId);
  }

  /** The current tenant's own row (its name, its settings). */
  tenant(): Promise<Tenant | null> {
    return activeManager(this.dataSource)
      .getRepository(Tenant)
      .findOneBy({ id: Equal(this.context.tenantId()) });
  }
}

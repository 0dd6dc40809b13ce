import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';
import { GoalEvent } from './entities/goal-event.entity';
import { Goal } from './entities/goal.entity';

/** Which goals: all of the tenant; a team's (and its members'); or one agent's. `withTenant` adds the tenant-wide ones. */
export type GoalFilter = { all: true } | { teamId: string; withTenant?: boolean } | { userId: string };

/** The SQL of goals, of their once-per-period events and of the people they are about, in the current tenant. */
@Injectable()
export class GoalsRepository {
  private readonly goals = this.tables.of(Goal);
  private readonly events = this.tables.of(GoalEvent);
  private readonly users = this.tables.of(User);
  private readonly teams = this.tables.of(Team);

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The tenants that have a goal: the hourly check's sweep (system scope). */
  async tenantsWithGoals(): Promise<string[]> {
    this.context.system();
    const rows: { tenantId: string }[] = await activeManager(this.dataSource).query('SELECT DISTINCT tenant_id AS tenantId FROM goals');
    return rows.map((row) => row.tenantId);
  }

  /** By scope (team, tenant, user), oldest first within each. */
  list(filter: GoalFilter): Promise<Goal[]> {
    const query = this.goals.queryBuilder('g').orderBy('g.scope', 'ASC').addOrderBy('g.createdAt', 'ASC').addOrderBy('g.id', 'ASC');
    if ('userId' in filter) query.andWhere("g.scope = 'user' AND g.userId = :userId", { userId: filter.userId });
    if ('teamId' in filter) {
      // Members by their team today: an agent who moves takes their goals along.
      query
        .leftJoin(User, 'u', 'u.id = g.userId AND u.tenantId = g.tenantId')
        .andWhere(
          `((g.scope = 'team' AND g.teamId = :teamId) OR (g.scope = 'user' AND u.teamId = :teamId)${filter.withTenant ? " OR g.scope = 'tenant'" : ''})`,
          {
            teamId: filter.teamId,
          },
        );
    }
    return query.getMany();
  }

  find(id: string): Promise<Goal | null> {
    return this.goals.findOneById(id);
  }

  insert(values: TenantValues<Goal>): Promise<void> {
    return this.goals.insert(values);
  }

  update(id: string, fields: Pick<TenantValues<Goal>, 'target' | 'activeFrom'>): Promise<void> {
    return this.goals.update({ id: Equal(id) }, fields);
  }

  delete(id: string): Promise<void> {
    return this.goals.delete({ id: Equal(id) });
  }

  /** Every goal of the tenant (the once-per-period checks look at them all). */
  all(): Promise<Goal[]> {
    return this.goals.find({});
  }

  /** Names of the teams and agents goals are about, by id (one query each, however many goals). */
  async subjectNames(goals: Pick<Goal, 'teamId' | 'userId'>[]): Promise<Map<string, string>> {
    const teamIds = [...new Set(goals.flatMap((goal) => (goal.teamId ? [goal.teamId] : [])))];
    const userIds = [...new Set(goals.flatMap((goal) => (goal.userId ? [goal.userId] : [])))];
    const [teams, users] = await Promise.all([
      teamIds.length ? this.teams.find({ id: In(teamIds) }) : [],
      userIds.length ? this.users.find({ id: In(userIds) }) : [],
    ]);
    return new Map([...teams.map((team) => [team.id, team.name] as const), ...users.map((user) => [user.id, user.fullName] as const)]);
  }

  member(userId: string): Promise<User | null> {
    return this.users.findOneById(userId);
  }

  team(teamId: string): Promise<Team | null> {
    return this.teams.findOneById(teamId);
  }

  /** Which of these (goal, period start, kind) events happened already, as `goalId|periodStart|kind`. */
  async eventsOf(goalIds: string[], periodStarts: string[], kind: string): Promise<Set<string>> {
    if (goalIds.length === 0) return new Set();
    const rows = await this.events.find({ goalId: In(goalIds), periodStart: In(periodStarts), kind: Equal(kind) });
    return new Set(rows.map((row) => `${row.goalId}|${row.periodStart}|${row.kind}`));
  }

  /**
   * Records the event unless it happened already, and says whether this call is the one that
   * recorded it: the unique key keeps one row, and only the caller whose id it carries goes on.
   */
  async recordOnce(id: string, event: Pick<GoalEvent, 'goalId' | 'periodStart' | 'kind'>): Promise<boolean> {
    await this.events.insertIgnoringDuplicates([{ id, ...event }]);
    const row = await this.events.queryBuilder('e').andWhere('e.goalId = :goalId AND e.periodStart = :periodStart AND e.kind = :kind', event).getOne();
    return row?.id === id;
  }
}

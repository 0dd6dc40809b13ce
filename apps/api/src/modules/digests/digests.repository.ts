import { Role, SYSTEM_TENANT_SLUG, TENANT_STATUSES_WITH_ACCESS, type DigestKind } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, In, Not, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { Attendance } from '../attendances/entities/attendance.entity';
import { Team } from '../teams/entities/team.entity';
import { Tenant } from '../tenants/entities/tenant.entity';
import { User } from '../users/entities/user.entity';
import { DigestDelivery } from './entities/digest-delivery.entity';

export type DigestTenant = Pick<Tenant, 'id' | 'name' | 'timezone' | 'locale' | 'settings'>;
export type DigestRecipient = Pick<User, 'id' | 'email' | 'fullName' | 'role' | 'teamId' | 'locale'>;

/** Alerts of a period per agent (`userId` null: attendances that named no known agent). */
export interface AgentAlerts {
  userId: string | null;
  name: string | null;
  lowScores: number;
  slowResponses: number;
}

/** The SQL of the digests: who gets one, the once-per-period claim, and the period's alerts. */
@Injectable()
export class DigestsRepository {
  private readonly deliveries = this.tables.of(DigestDelivery);
  private readonly users = this.tables.of(User);
  private readonly attendances = this.tables.of(Attendance);
  private readonly teams = this.tables.of(Team);

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** System scope: the tenants whose people may sign in (the super admins' own tenant has no sales). */
  tenantsWithAccess(): Promise<DigestTenant[]> {
    this.context.system();
    return activeManager(this.dataSource)
      .getRepository(Tenant)
      .find({
        select: { id: true, name: true, timezone: true, locale: true, settings: true },
        where: { status: In([...TENANT_STATUSES_WITH_ACCESS]), slug: Not(SYSTEM_TENANT_SLUG) },
        order: { id: 'ASC' },
      });
  }

  /**
   * The current tenant's active managers and admins who asked for this kind of digest and have not
   * had (or claimed) the one of this period: the runs after 08:00 then cost one query per tenant.
   */
  recipients(kind: DigestKind, periodStart: string): Promise<DigestRecipient[]> {
    return this.users
      .queryBuilder('u')
      .select(['u.id', 'u.email', 'u.fullName', 'u.role', 'u.teamId', 'u.locale'])
      .andWhere('u.isActive = :active', { active: true })
      .andWhere('u.role IN (:...roles)', { roles: [Role.Admin, Role.Manager] })
      .andWhere('u.digest = :kind', { kind })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.tenant_id = u.tenant_id AND d.user_id = u.id AND d.kind = :kind AND d.period_start = :periodStart)',
        { periodStart },
      )
      .orderBy('u.id')
      .getMany();
  }

  async teamName(teamId: string | null): Promise<string | null> {
    return (await this.teams.findOneById(teamId))?.name ?? null;
  }

  /**
   * Claims a user's digest of a period: true for exactly one caller, whatever runs or instances
   * race (the unique key decides; the row is read back to see whose insert won).
   */
  async claim(userId: string, kind: DigestKind, periodStart: string): Promise<string | null> {
    const id = randomUUID();
    await this.deliveries.insertIgnoringDuplicates([{ id, userId, kind, periodStart, status: 'sending', sentAt: null }]);
    const [row] = await this.deliveries.find({ userId: Equal(userId), kind: Equal(kind), periodStart: Equal(periodStart) });
    return row?.id === id ? id : null;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.deliveries.update({ id: Equal(id) }, { status: 'sent', sentAt: at });
  }

  /** Gives a claim back after the mailer failed, so a later run of the day tries again. */
  async release(id: string): Promise<void> {
    await this.deliveries.delete({ id: Equal(id), status: Equal('sending') });
  }

  /**
   * Low scores and slow first responses among the attendances of [from, to), per agent, judged
   * against the tenant's thresholds as the notification triggers judge them. Reads one
   * tenant(-team) range of the attended-at indexes, never the whole table.
   */
  async alerts(teamId: string | null, from: Date, to: Date, thresholds: { lowScore: number; slaMinutes: number }): Promise<AgentAlerts[]> {
    const rows = this.attendances
      .queryBuilder('a')
      .select('a.userId', 'userId')
      .addSelect('MAX(u.full_name)', 'name')
      .addSelect('SUM(CASE WHEN a.score < :lowScore THEN 1 ELSE 0 END)', 'lowScores')
      .addSelect('SUM(CASE WHEN a.firstResponseTimeMin > :sla THEN 1 ELSE 0 END)', 'slowResponses')
      .leftJoin(User, 'u', 'u.id = a.userId AND u.tenantId = a.tenantId')
      .andWhere('a.attendedAt >= :from AND a.attendedAt < :to', { from, to })
      .andWhere('(a.score < :lowScore OR a.firstResponseTimeMin > :sla)', { lowScore: thresholds.lowScore, sla: thresholds.slaMinutes })
      .groupBy('a.userId');
    if (teamId) rows.andWhere('a.teamId = :teamId', { teamId });
    const raw = await rows.getRawMany<Record<string, unknown>>();
    return raw.map((row) => ({
      userId: row['userId'] ? String(row['userId']) : null,
      name: row['name'] ? String(row['name']) : null,
      lowScores: Number(row['lowScores'] ?? 0),
      slowResponses: Number(row['slowResponses'] ?? 0),
    }));
  }
}

import { SYSTEM_TENANT_SLUG, TenantStatus, type TenantsOverview } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TenantContext } from '../../core/tenancy/tenant-context';

export interface TenantStats {
  userCount: number;
  /** Invited users who have not set a password yet: counted among the users, never as active. */
  invitedUserCount: number;
  attendanceCount: number;
  lastActivityAt: Date | null;
}

const latest = (...dates: (string | Date | null | undefined)[]) =>
  dates
    .filter((date): date is string | Date => Boolean(date))
    .map((date) => new Date(date))
    .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;

/** Usage figures for the super admin console (system scope), computed for one page of tenants at a time. */
@Injectable()
export class TenantStatsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  async forTenants(tenantIds: string[]): Promise<Map<string, TenantStats>> {
    this.context.system();
    const stats = new Map<string, TenantStats>();
    if (tenantIds.length === 0) return stats;
    const users: { tenantId: string; n: string | number; invited: string | number | null; lastLogin: string | Date | null }[] = await this.dataSource
      .createQueryBuilder()
      .select('u.tenant_id', 'tenantId')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN u.password_hash IS NULL THEN 1 ELSE 0 END)', 'invited')
      .addSelect('MAX(u.last_login_at)', 'lastLogin')
      .from('users', 'u')
      .where('u.tenant_id IN (:...tenantIds)', { tenantIds })
      .groupBy('u.tenant_id')
      .getRawMany();
    const attendances: { tenantId: string; n: string | number; lastAttended: string | Date | null }[] = await this.dataSource
      .createQueryBuilder()
      .select('a.tenant_id', 'tenantId')
      .addSelect('COUNT(*)', 'n')
      .addSelect('MAX(a.attended_at)', 'lastAttended')
      .from('attendances', 'a')
      .where('a.tenant_id IN (:...tenantIds) AND a.deleted_at IS NULL', { tenantIds })
      .groupBy('a.tenant_id')
      .getRawMany();
    const attendanceBy = new Map(attendances.map((row) => [row.tenantId, row]));
    for (const tenantId of tenantIds) {
      const user = users.find((row) => row.tenantId === tenantId);
      const attendance = attendanceBy.get(tenantId);
      stats.set(tenantId, {
        userCount: Number(user?.n ?? 0),
        invitedUserCount: Number(user?.invited ?? 0),
        attendanceCount: Number(attendance?.n ?? 0),
        lastActivityAt: latest(user?.lastLogin, attendance?.lastAttended),
      });
    }
    return stats;
  }

  async overview(now = new Date()): Promise<TenantsOverview> {
    this.context.system();
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const statuses: { status: TenantStatus; n: string | number }[] = await this.dataSource
      .createQueryBuilder()
      .select('t.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .from('tenants', 't')
      .where('t.slug <> :system', { system: SYSTEM_TENANT_SLUG })
      .groupBy('t.status')
      .getRawMany();
    const tenants = Object.fromEntries(Object.values(TenantStatus).map((status) => [status, 0])) as Record<TenantStatus, number>;
    for (const row of statuses) tenants[row.status] = Number(row.n);

    const [users] = await this.dataSource.query(
      `SELECT COUNT(*) AS total,
              SUM(CASE WHEN u.is_active AND u.password_hash IS NOT NULL THEN 1 ELSE 0 END) AS active,
              SUM(CASE WHEN u.is_active AND u.password_hash IS NULL THEN 1 ELSE 0 END) AS invited
         FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.slug <> ?`,
      [SYSTEM_TENANT_SLUG],
    );
    const [attendances] = await this.dataSource
      .createQueryBuilder()
      .select('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN a.attended_at >= :since THEN 1 ELSE 0 END)', 'recent')
      .addSelect('SUM(CASE WHEN a.attended_at >= :since AND a.converted = :yes THEN 1 ELSE 0 END)', 'converted')
      .from('attendances', 'a')
      .where('a.deleted_at IS NULL')
      .setParameters({ since, yes: true })
      .getRawMany();
    return {
      tenants: { ...tenants, total: Object.values(tenants).reduce((sum, n) => sum + n, 0) },
      users: { total: Number(users?.total ?? 0), active: Number(users?.active ?? 0), invited: Number(users?.invited ?? 0) },
      attendances: {
        total: Number(attendances?.total ?? 0),
        last30Days: Number(attendances?.recent ?? 0),
        converted30Days: Number(attendances?.converted ?? 0),
      },
    };
  }
}

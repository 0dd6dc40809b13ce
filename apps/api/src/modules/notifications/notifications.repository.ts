import type { Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, IsNull, LessThan, MoreThan, Not, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { RefreshToken } from '../auth/entities/refresh-token.entity';
import { Tenant } from '../tenants/entities/tenant.entity';
import { User } from '../users/entities/user.entity';
import { Notification } from './entities/notification.entity';

/** The SQL of the trays: every statement in the current tenant and, but for writes by triggers, for one user. */
@Injectable()
export class NotificationsRepository {
  private readonly notifications = this.tables.of(Notification);
  private readonly users = this.tables.of(User);
  private readonly sessions = this.tables.of(RefreshToken);

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A user's notifications, newest first; `unread` narrows to unread (true) or read (false) ones. */
  page(userId: string, options: { unread?: boolean; cursor?: string; limit: number }): Promise<Page<Notification>> {
    const rows = this.notifications.queryBuilder('n').andWhere('n.userId = :userId', { userId });
    if (options.unread === true) rows.andWhere('n.read_at IS NULL');
    if (options.unread === false) rows.andWhere('n.read_at IS NOT NULL');
    return keysetPage(
      rows,
      {
        sortColumn: 'n.created_at',
        idColumn: 'n.id',
        direction: 'DESC',
        cursor: options.cursor,
        limit: options.limit,
        parseSortValue: parseDateCursor,
        keyOf: (row) => [new Date(row.createdAt).toISOString(), row.id],
      },
      (row) => row,
    );
  }

  async ownById(userId: string, id: string): Promise<Notification | null> {
    const [notification] = await this.notifications.find({ id: Equal(id), userId: Equal(userId) });
    return notification ?? null;
  }

  markRead(userId: string, id: string): Promise<void> {
    return this.notifications.update({ id: Equal(id), userId: Equal(userId), readAt: IsNull() }, { readAt: new Date() });
  }

  /** How many were unread and are now read. */
  markAllRead(userId: string): Promise<number> {
    return this.notifications.updateAndCount({ userId: Equal(userId), readAt: IsNull() }, { readAt: new Date() });
  }

  /** How many went: 0 for an id that is not this user's. */
  deleteOwn(userId: string, id: string): Promise<number> {
    return this.notifications.deleteAndCount({ id: Equal(id), userId: Equal(userId) });
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.count({ userId: Equal(userId), readAt: IsNull() });
  }

  /** Ids are UUIDv7, so the greatest is the newest; '' when the tray is empty. */
  async newestId(userId: string): Promise<string> {
    const row = await this.notifications
      .queryBuilder('n')
      .select('n.id', 'id')
      .andWhere('n.userId = :userId', { userId })
      .orderBy('n.id', 'DESC')
      .limit(1)
      .getRawOne<{ id: string }>();
    return row?.id ?? '';
  }

  /** The newest id of each of these users' trays, in one statement. */
  async newestIds(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.notifications
      .queryBuilder('n')
      .select('n.userId', 'userId')
      .addSelect('MAX(n.id)', 'lastId')
      .andWhere('n.userId IN (:...userIds)', { userIds })
      .groupBy('n.userId')
      .getRawMany<{ userId: string; lastId: string }>();
    return new Map(rows.map((row) => [row.userId, row.lastId]));
  }

  /** The user's notifications written after `lastId`, oldest first. */
  newerThan(userId: string, lastId: string, limit: number): Promise<Notification[]> {
    return this.notifications
      .queryBuilder('n')
      .andWhere('n.userId = :userId', { userId })
      .andWhere('n.id > :lastId', { lastId })
      .orderBy('n.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Writes by triggers and the seed: a repeat of (user, event key) is skipped by the unique index. */
  insert(rows: TenantValues<Notification>[]): Promise<void> {
    return this.notifications.insertIgnoringDuplicates(rows);
  }

  /** Which of these login sessions (refresh token families) are neither revoked nor expired. */
  async liveSessions(familyIds: string[]): Promise<Set<string>> {
    if (familyIds.length === 0) return new Set();
    const live = await this.sessions.find({ familyId: In(familyIds), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    return new Set(live.map((row) => row.familyId));
  }

  /** The language the user chose, if any. */
  async userLocale(userId: string): Promise<string | null> {
    const user = await this.users.queryBuilder('u').select(['u.id', 'u.locale']).andWhere('u.id = :userId', { userId }).getOne();
    return user?.locale ?? null;
  }

  /** The current tenant's language. */
  async tenantLocale(): Promise<string | null> {
    const tenant = await activeManager(this.dataSource)
      .getRepository(Tenant)
      .findOne({ select: { id: true, locale: true }, where: { id: Equal(this.context.tenantId()) } });
    return tenant?.locale ?? null;
  }

  /** The retention sweep, across every tenant (system scope): read notifications created before `cutoff`. */
  async purgeReadBefore(cutoff: Date): Promise<number> {
    this.context.system();
    const result = await activeManager(this.dataSource)
      .getRepository(Notification)
      .delete({ readAt: Not(IsNull()), createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}

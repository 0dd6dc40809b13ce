import { DEFAULT_TENANT_LOCALE, type NotificationView, type Page, type ReadAllResponse, type SupportedLocale } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, type DataSource } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { pageSize } from '../../core/pagination/page-query.dto';
import { Tenant } from '../tenants/entities/tenant.entity';
import { User } from '../users/entities/user.entity';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import { Notification } from './entities/notification.entity';
import { isSupportedLocale } from './notification-messages';
import { NotificationSignals } from './notification-signals';
import { toNotificationView } from './notification.mapper';
import { UnreadCounts } from './unread-counts';

/** A user's own tray. Every query is bound to the caller's tenant and user: someone else's id is a 404. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unreadCounts: UnreadCounts,
    private readonly signals: NotificationSignals,
  ) {}

  async list(principal: UserPrincipal, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const builder = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where({ tenantId: Equal(principal.tenantId), userId: Equal(principal.userId) });
    if (query.unread === true) builder.andWhere('n.read_at IS NULL');
    if (query.unread === false) builder.andWhere('n.read_at IS NOT NULL');
    const locale = await this.localeOf(principal);
    return keysetPage(
      builder,
      {
        sortColumn: 'n.created_at',
        idColumn: 'n.id',
        direction: 'DESC',
        cursor: query.cursor,
        limit: pageSize(query),
        parseSortValue: parseDateCursor,
        keyOf: (row) => [new Date(row.createdAt).toISOString(), row.id],
      },
      (row) => toNotificationView(row, locale),
    );
  }

  unreadCount(principal: UserPrincipal): number | Promise<number> {
    return this.unreadCounts.of(principal.tenantId, principal.userId);
  }

  async markRead(principal: UserPrincipal, id: string): Promise<NotificationView> {
    const notification = await this.own(principal, id);
    if (!notification.readAt) {
      await this.dataSource
        .getRepository(Notification)
        .update({ id: Equal(id), tenantId: Equal(principal.tenantId), userId: Equal(principal.userId), readAt: IsNull() }, { readAt: new Date() });
      this.signals.changed([principal.userId]);
    }
    return toNotificationView(await this.own(principal, id), await this.localeOf(principal));
  }

  async markAllRead(principal: UserPrincipal): Promise<ReadAllResponse> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ tenantId: Equal(principal.tenantId), userId: Equal(principal.userId), readAt: IsNull() }, { readAt: new Date() });
    this.signals.changed([principal.userId]);
    return { updated: result.affected ?? 0 };
  }

  async remove(principal: UserPrincipal, id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(Notification)
      .delete({ id: Equal(id), tenantId: Equal(principal.tenantId), userId: Equal(principal.userId) });
    if (!result.affected) throw new NotFoundException('Notification not found');
    this.signals.changed([principal.userId]);
  }

  /** The reader's language: their own choice, else their tenant's. */
  async localeOf(principal: UserPrincipal): Promise<SupportedLocale> {
    const user = await this.dataSource.getRepository(User).findOne({ select: { id: true, locale: true }, where: { id: Equal(principal.userId) } });
    if (isSupportedLocale(user?.locale)) return user.locale;
    const tenant = await this.dataSource.getRepository(Tenant).findOne({ select: { id: true, locale: true }, where: { id: Equal(principal.tenantId) } });
    return isSupportedLocale(tenant?.locale) ? tenant.locale : (DEFAULT_TENANT_LOCALE as SupportedLocale);
  }

  private async own(principal: UserPrincipal, id: string): Promise<Notification> {
    const notification = await this.dataSource
      .getRepository(Notification)
      .findOneBy({ id: Equal(id), tenantId: Equal(principal.tenantId), userId: Equal(principal.userId) });
    if (!notification) throw new NotFoundException('Notification not found');
    return notification;
  }
}

import { DEFAULT_TENANT_LOCALE, type NotificationView, type Page, type ReadAllResponse, type SupportedLocale } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { pageSize } from '../../core/pagination/page-query.dto';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import type { Notification } from './entities/notification.entity';
import { isSupportedLocale } from './notification-messages';
import { NotificationSignals } from './notification-signals';
import { toNotificationView } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { UnreadCounts } from './unread-counts';

/** A user's own tray, in the caller's tenant (the repository's) and for the caller alone: someone else's id is a 404. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly unreadCounts: UnreadCounts,
    private readonly signals: NotificationSignals,
  ) {}

  async list(principal: UserPrincipal, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const locale = await this.localeOf(principal);
    const page = await this.notifications.page(principal.userId, { unread: query.unread, cursor: query.cursor, limit: pageSize(query) });
    return { ...page, items: page.items.map((row) => toNotificationView(row, locale)) };
  }

  unreadCount(principal: UserPrincipal): number | Promise<number> {
    return this.unreadCounts.of(principal.userId);
  }

  async markRead(principal: UserPrincipal, id: string): Promise<NotificationView> {
    const notification = await this.own(principal, id);
    if (!notification.readAt) {
      await this.notifications.markRead(principal.userId, id);
      this.signals.changed([principal.userId]);
    }
    return toNotificationView(await this.own(principal, id), await this.localeOf(principal));
  }

  async markAllRead(principal: UserPrincipal): Promise<ReadAllResponse> {
    const updated = await this.notifications.markAllRead(principal.userId);
    this.signals.changed([principal.userId]);
    return { updated };
  }

  async remove(principal: UserPrincipal, id: string): Promise<void> {
    if (!(await this.notifications.deleteOwn(principal.userId, id))) throw new NotFoundException('Notification not found');
    this.signals.changed([principal.userId]);
  }

  /** The reader's language: their own choice, else their tenant's. */
  async localeOf(principal: UserPrincipal): Promise<SupportedLocale> {
    const own = await this.notifications.userLocale(principal.userId);
    if (isSupportedLocale(own)) return own;
    const tenants = await this.notifications.tenantLocale();
    return isSupportedLocale(tenants) ? tenants : (DEFAULT_TENANT_LOCALE as SupportedLocale);
  }

  private async own(principal: UserPrincipal, id: string): Promise<Notification> {
    const notification = await this.notifications.ownById(principal.userId, id);
    if (!notification) throw new NotFoundException('Notification not found');
    return notification;
  }
}

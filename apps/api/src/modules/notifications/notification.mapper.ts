import type { NotificationType, NotificationView, SupportedLocale } from '@fasto/contracts';
import type { Notification } from './entities/notification.entity';
import { retoldText } from './notification-messages';

/** A notification as its reader sees it: told again in their language when its data allows. */
export function toNotificationView(notification: Notification, locale: SupportedLocale): NotificationView {
  const text = notification.data ? retoldText(notification.type, notification.data, locale) : null;
  return {
    id: notification.id,
    type: notification.type as NotificationType,
    title: text?.title ?? notification.title,
    body: text?.body ?? notification.body,
    link: notification.link,
    createdAt: new Date(notification.createdAt).toISOString(),
    readAt: notification.readAt ? new Date(notification.readAt).toISOString() : null,
  };
}

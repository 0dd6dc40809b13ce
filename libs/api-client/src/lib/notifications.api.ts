import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  NotificationStreamEvent,
  type NotificationListQuery,
  type NotificationView,
  type Page,
  type ReadAllResponse,
  type UnreadCountResponse,
} from '@fasto/contracts';
import { filter, map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { AuthSession } from './auth-session';
import { toHttpParams } from './query-params';
import { eventStream } from './event-stream';

export type NotificationStreamMessage = { type: 'notification'; notification: NotificationView } | { type: 'unread-count'; count: number };

/** Raised when the stream cannot be opened (no route yet, token refused, network). */
export class NotificationStreamError extends Error {
  constructor(readonly status: number) {
    super(`Notification stream unavailable (${status})`);
  }
}

/** `/api/notifications`: the tray, its unread count and the live stream. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);
  private readonly base = `${inject(API_BASE_URL)}/notifications`;

  list(query: NotificationListQuery = {}): Observable<Page<NotificationView>> {
    return this.http.get<Page<NotificationView>>(this.base, { params: toHttpParams(query) });
  }

  unreadCount(): Observable<UnreadCountResponse> {
    return this.http.get<UnreadCountResponse>(`${this.base}/unread-count`);
  }

  markRead(id: string): Observable<NotificationView> {
    return this.http.patch<NotificationView>(`${this.base}/${encodeURIComponent(id)}/read`, {});
  }

  readAll(): Observable<ReadAllResponse> {
    return this.http.post<ReadAllResponse>(`${this.base}/read-all`, {});
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${encodeURIComponent(id)}`);
  }

  /**
   * The SSE stream, read with fetch because EventSource cannot send the Bearer header.
   * Completes when the server ends it (token expiry); errors with NotificationStreamError when refused.
   */
  stream(): Observable<NotificationStreamMessage> {
    const token = this.session.accessToken();
    return eventStream(`${this.base}/stream`, token ? { authorization: `Bearer ${token}` } : {}, (status) => new NotificationStreamError(status)).pipe(
      map((message) => toStreamMessage(message.event, message.data)),
      filter((message): message is NotificationStreamMessage => message !== null),
    );
  }
}

function toStreamMessage(event: string, data: string): NotificationStreamMessage | null {
  try {
    if (event === NotificationStreamEvent.Notification) return { type: 'notification', notification: JSON.parse(data) as NotificationView };
    if (event === NotificationStreamEvent.UnreadCount) return { type: 'unread-count', count: (JSON.parse(data) as UnreadCountResponse).count };
  } catch {
    // A malformed event is dropped; the next unread-count brings the tray back in line.
  }
  return null;
}

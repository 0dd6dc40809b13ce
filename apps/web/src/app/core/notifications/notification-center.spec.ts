import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthSession, NotificationStreamError, NotificationsApi } from '@fasto/api-client';
import { Role, TenantStatus } from '@fasto/contracts';
import { Subject, throwError } from 'rxjs';
import { NotificationCenter } from './notification-center';
import { NotificationSound } from './notification-sound';

describe('NotificationCenter', () => {
  const play = jest.fn();

  const setup = (stream: () => ReturnType<NotificationsApi['stream']>) => {
    jest.useFakeTimers();
    play.mockReset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), { provide: NotificationSound, useValue: { play } }] });
    jest.spyOn(TestBed.inject(NotificationsApi), 'stream').mockImplementation(stream);
    const center = TestBed.inject(NotificationCenter);
    TestBed.inject(AuthSession).start({
      accessToken: 't',
      expiresIn: 900,
      user: {
        id: 'u',
        email: 'm@demo.fasto.app',
        fullName: 'M',
        role: Role.Manager,
        tenantId: 't',
        tenantName: 'Demo',
        tenantStatus: TenantStatus.Active,
        teamId: null,
        phone: null,
        avatarUrl: null,
        locale: null,
        digest: 'daily',
      },
    });
    TestBed.tick();
    return { center, http: TestBed.inject(HttpTestingController) };
  };

  afterEach(() => jest.useRealTimers());

  it('hides the badge and stays quiet while the API has no notifications (404)', () => {
    const { center, http } = setup(() => throwError(() => new NotificationStreamError(404)));
    for (const request of http.match('/api/notifications/unread-count')) request.flush({}, { status: 404, statusText: 'Not Found' });
    expect(center.unread()).toBeNull();
    jest.advanceTimersByTime(60_000);
    // Backed off: no request every 10 s against a route that does not exist.
    expect(http.match('/api/notifications/unread-count')).toHaveLength(0);
  });

  it('polls every 10 s without a stream and chimes when the count grows', () => {
    const { center, http } = setup(() => throwError(() => new NotificationStreamError(503)));
    for (const request of http.match('/api/notifications/unread-count')) request.flush({ count: 2 });
    expect(center.unread()).toBe(2);
    expect(play).not.toHaveBeenCalled();
    jest.advanceTimersByTime(10_000);
    http.expectOne('/api/notifications/unread-count').flush({ count: 3 });
    expect(center.unread()).toBe(3);
    expect(play).toHaveBeenCalledTimes(1);
    http.match('/api/notifications?limit=20').forEach((request) => request.flush({ items: [], nextCursor: null }));
  });

  it('takes pushed notifications from the stream', () => {
    const events = new Subject<never>();
    const { center, http } = setup(() => events as never);
    http.expectOne('/api/notifications/unread-count').flush({ count: 0 });
    (events as unknown as Subject<unknown>).next({ type: 'unread-count', count: 1 });
    (events as unknown as Subject<unknown>).next({
      type: 'notification',
      notification: {
        id: 'n1',
        type: 'sale_closed',
        title: 'Venda fechada',
        body: null,
        link: '/attendances/a1',
        createdAt: new Date().toISOString(),
        readAt: null,
      },
    });
    expect(center.unread()).toBe(1);
    expect(center.items().map((item) => item.id)).toEqual(['n1']);
    expect(play).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(30_000);
    http.expectNone('/api/notifications/unread-count');
  });
});

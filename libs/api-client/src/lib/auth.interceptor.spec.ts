import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role, TenantStatus, type TokenResponse } from '@fasto/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth.api';
import { AuthSession } from './auth-session';
import { authInterceptor } from './auth.interceptor';
import { NoSessionError, ON_SESSION_EXPIRED, SessionRefresher } from './session-refresher';

const tokens = (accessToken: string): TokenResponse => ({
  accessToken,
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'admin@demo.fasto.app',
    fullName: 'Ana',
    role: Role.Admin,
    tenantId: 't1',
    tenantName: 'Demo',
    tenantStatus: TenantStatus.Active,
    teamId: null,
    phone: null,
    avatarUrl: null,
  },
});

describe('authInterceptor', () => {
  let expired: jest.Mock;

  const setup = () => {
    expired = jest.fn();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), { provide: ON_SESSION_EXPIRED, useValue: expired }],
    });
    const session = TestBed.inject(AuthSession);
    session.start(tokens('old'));
    return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController), session, auth: TestBed.inject(AuthApi) };
  };

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('sends the in-memory token on API calls only', () => {
    const { http, backend } = setup();
    http.get('/api/dashboard').subscribe();
    http.get('https://cdn.example/logo.png').subscribe();
    expect(backend.expectOne('/api/dashboard').request.headers.get('Authorization')).toBe('Bearer old');
    expect(backend.expectOne('https://cdn.example/logo.png').request.headers.has('Authorization')).toBe(false);
  });

  it('renews once for every request that got a 401 at the same moment, then replays them all', async () => {
    const { http, backend, session } = setup();
    const answers = ['/api/dashboard', '/api/attendances', '/api/teams'].map((url) => firstValueFrom(http.get<{ url: string }>(url)));
    for (const request of backend.match((r) => r.url !== '/api/auth/refresh')) request.flush({}, { status: 401, statusText: 'Unauthorized' });

    const refreshes = backend.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(tokens('new'));

    const replays = backend.match((r) => r.url !== '/api/auth/refresh');
    expect(replays.map((r) => r.request.headers.get('Authorization'))).toEqual(['Bearer new', 'Bearer new', 'Bearer new']);
    for (const replay of replays) replay.flush({ url: replay.request.url });
    await expect(Promise.all(answers)).resolves.toEqual([{ url: '/api/dashboard' }, { url: '/api/attendances' }, { url: '/api/teams' }]);
    expect(session.accessToken()).toBe('new');
    expect(expired).not.toHaveBeenCalled();
  });

  it('replays without a second refresh when the token was renewed while the request was in flight', () => {
    const { http, backend, session } = setup();
    http.get('/api/dashboard').subscribe();
    const pending = backend.expectOne('/api/dashboard');
    session.start(tokens('renewed'));
    pending.flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone('/api/auth/refresh');
    expect(backend.expectOne('/api/dashboard').request.headers.get('Authorization')).toBe('Bearer renewed');
  });

  it('signs out (once) and surfaces the 401 when the refresh itself fails', async () => {
    const { http, backend, session } = setup();
    const answers = ['/api/dashboard', '/api/attendances'].map((url) => firstValueFrom(http.get(url)).catch((error: { status: number }) => error.status));
    for (const request of backend.match((r) => r.url !== '/api/auth/refresh')) request.flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });

    await expect(Promise.all(answers)).resolves.toEqual([401, 401]);
    expect(session.signedIn()).toBe(false);
    expect(expired).toHaveBeenCalledTimes(1);
    backend.expectNone((r) => r.url !== '/api/auth/refresh');
  });

  it('signs out when the API says there is no session to renew (204), surfacing the 401', async () => {
    const { http, backend, session } = setup();
    const answer = firstValueFrom(http.get('/api/dashboard')).catch((error: { status: number }) => error.status);
    backend.expectOne('/api/dashboard').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(null, { status: 204, statusText: 'No Content' });
    await expect(answer).resolves.toBe(401);
    expect(session.signedIn()).toBe(false);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('restores nothing, without an error response, when a signed-out page load has no session', async () => {
    const { backend, session } = setup();
    session.clear();
    const restored = firstValueFrom(TestBed.inject(SessionRefresher).restore()).catch((error: unknown) => error);
    backend.expectOne('/api/auth/refresh').flush(null, { status: 204, statusText: 'No Content' });
    await expect(restored).resolves.toBeInstanceOf(NoSessionError);
    expect(session.signedIn()).toBe(false);
  });

  it('never refreshes for a failed sign-in', async () => {
    const { backend, auth } = setup();
    const answer = firstValueFrom(auth.login({ email: 'a@b.c', password: 'wrong' })).catch((error: { status: number }) => error.status);
    backend.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(answer).resolves.toBe(401);
    backend.expectNone('/api/auth/refresh');
  });

  it('passes other errors through untouched', async () => {
    const { http, backend } = setup();
    const answer = firstValueFrom(http.get('/api/users')).catch((error: { status: number }) => error.status);
    backend.expectOne('/api/users').flush({}, { status: 403, statusText: 'Forbidden' });
    await expect(answer).resolves.toBe(403);
    backend.expectNone('/api/auth/refresh');
  });
});

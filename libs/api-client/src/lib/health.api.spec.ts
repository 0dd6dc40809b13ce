import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { HealthApi } from './health.api';

describe('HealthApi', () => {
  const setup = (providers: unknown[] = []) => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), ...(providers as never[])] });
    return { api: TestBed.inject(HealthApi), http: TestBed.inject(HttpTestingController) };
  };

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('asks the same-origin /api by default', async () => {
    const { api, http } = setup();
    const answer = firstValueFrom(api.ready());
    http.expectOne({ method: 'GET', url: '/api/health/ready' }).flush({ status: 'ok', info: { database: { status: 'up' } } });
    await expect(answer).resolves.toEqual({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('honours a configured base URL', async () => {
    const { api, http } = setup([{ provide: API_BASE_URL, useValue: 'https://fasto.example/api' }]);
    const answer = firstValueFrom(api.live());
    http.expectOne('https://fasto.example/api/health').flush({ status: 'ok' });
    await expect(answer).resolves.toEqual({ status: 'ok' });
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HomePage } from './home.page';

describe('HomePage', () => {
  const render = () => {
    TestBed.configureTestingModule({ imports: [HomePage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(HomePage);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController) };
  };
  const status = (fixture: ReturnType<typeof render>['fixture']) =>
    (fixture.nativeElement as HTMLElement).querySelector('[data-testid="api-status"]')?.textContent?.trim();

  it('says the API is ready when readiness answers', async () => {
    const { fixture, http } = render();
    expect(status(fixture)).toBe('Verificando API…');
    http.expectOne('/api/health/ready').flush({ status: 'ok' });
    await fixture.whenStable();
    expect(status(fixture)).toBe('API pronta');
  });

  it('says the API is unavailable on a 503', async () => {
    const { fixture, http } = render();
    http.expectOne('/api/health/ready').flush({ statusCode: 503 }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(status(fixture)).toBe('API indisponível');
  });
});

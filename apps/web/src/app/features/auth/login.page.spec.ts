import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  const setup = () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ imports: [LoginPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('#email', 'admin@demo.fasto.app');
    type('#password', 'wrong');
    fixture.detectChanges();
    element.querySelector('form')!.dispatchEvent(new Event('submit'));
    return { fixture, element, http: TestBed.inject(HttpTestingController) };
  };

  afterEach(() => jest.useRealTimers());

  it('names its fields for password managers and marks them required', () => {
    const { element, http } = setup();
    http.expectOne('/api/auth/login');
    const field = (id: string) => element.querySelector<HTMLInputElement>(`#${id}`)!;
    expect([field('email').name, field('email').required]).toEqual(['email', true]);
    expect([field('password').name, field('password').required]).toEqual(['password', true]);
  });

  it('says the credentials are wrong on a 401', () => {
    const { fixture, element, http } = setup();
    http.expectOne('/api/auth/login').flush({ statusCode: 401, message: 'Invalid credentials' }, { status: 401, statusText: 'Unauthorized' });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="login-error"]')?.textContent).toContain('E-mail ou senha incorretos.');
  });

  it('counts down from Retry-After on a 429 and blocks the button meanwhile', () => {
    const { fixture, element, http } = setup();
    http.expectOne('/api/auth/login').flush({ statusCode: 429 }, { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '42' } });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="login-error"]')?.textContent).toContain('Tente novamente em 42 s.');
    expect(element.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')!.disabled).toBe(true);
    jest.advanceTimersByTime(2000);
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="login-error"]')?.textContent).toContain('Tente novamente em 40 s.');
  });
});

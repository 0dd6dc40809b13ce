import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { OwnTenant } from '@fasto/contracts';
import { SettingsPage } from './settings.page';

const tenant: OwnTenant = {
  id: 't1',
  name: 'Demo Veículos',
  slug: 'demo',
  status: 'active',
  plan: 'pro',
  trialEndsAt: null,
  timezone: 'America/Sao_Paulo',
  locale: 'pt-BR',
  branding: { logoUrl: 'https://x.example/logo.png', primaryColor: '#3b82f6' },
  settings: { lowScoreThreshold: 40, firstResponseSlaMinutes: 15 },
} as OwnTenant;

describe('SettingsPage', () => {
  const setup = () => {
    TestBed.configureTestingModule({ imports: [SettingsPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(SettingsPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/tenant').flush(tenant);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const input = (id: string) => element.querySelector<HTMLInputElement>(`#${id}`)!;
    return { fixture, element, input };
  };

  it('shows the organization as saved, the alert numbers with their range', () => {
    const { input } = setup();
    expect(input('settings-name').value).toBe('Demo Veículos');
    expect(input('settings-timezone').value).toBe('America/Sao_Paulo');
    expect(input('settings-logo').value).toBe('https://x.example/logo.png');
    expect(input('settings-color').value).toBe('#3b82f6');
    expect(input('settings-color-picker').value).toBe('#3b82f6');
    expect(input('settings-score').value).toBe('40');
    expect([input('settings-score').min, input('settings-score').max]).toEqual(['0', '100']);
    expect(input('settings-sla').value).toBe('15');
    expect([input('settings-sla').min, input('settings-sla').max]).toEqual(['1', '1440']);
  });

  it('keeps the colour picker and the hex field on the same colour', () => {
    const { fixture, input } = setup();
    input('settings-color-picker').value = '#112233';
    input('settings-color-picker').dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(input('settings-color').value).toBe('#112233');
    input('settings-color').value = '#aabbcc';
    input('settings-color').dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(input('settings-color-picker').value).toBe('#aabbcc');
  });
});

import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@fasto/api-client';
import { Role, type AuthUser } from '@fasto/contracts';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { PreferencesCard } from './preferences-card';
import { ProfileDetails } from './profile-details';

const user: AuthUser = {
  id: 'u1',
  email: 'ana@demo.fasto.app',
  fullName: 'Ana Souza',
  role: Role.Agent,
  tenantId: 't1',
  tenantName: 'Demo',
  tenantStatus: 'active',
  teamId: null,
  phone: '+55 11 99999-0000',
  avatarUrl: null,
  locale: null,
  digest: 'weekly',
} as AuthUser;

const render = <T>(component: new (...args: never[]) => T, signedIn: AuthUser) => {
  TestBed.configureTestingModule({ imports: [component], providers: [provideHttpClient(), provideHttpClientTesting()] });
  TestBed.inject(AuthSession).start({ accessToken: 'token', expiresIn: 900, user: signedIn });
  return TestBed;
};

describe('profile cards', () => {
  afterEach(() => localStorage.clear());

  it('shows the signed-in name and phone; an agent cannot edit the name', () => {
    render(ProfileDetails, user);
    const fixture = TestBed.createComponent(ProfileDetails);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const name = element.querySelector<HTMLInputElement>('#profile-name')!;
    expect(name.value).toBe('Ana Souza');
    expect(name.readOnly).toBe(true);
    expect(element.querySelector<HTMLInputElement>('#profile-phone')!.value).toBe('+55 11 99999-0000');
    expect(element.querySelector('[data-testid="name-locked"]')).not.toBeNull();
  });

  it('shows the current theme, language and digest', async () => {
    render(PreferencesCard, { ...user, role: Role.Manager, digest: 'daily' } as AuthUser);
    const preferences = TestBed.inject(PreferencesStore);
    preferences.theme.set('light');
    preferences.language.set('en');
    const fixture = TestBed.createComponent(PreferencesCard);
    fixture.detectChanges();
    // The language's options come after the select is bound; it picks its value once they are there.
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector<HTMLSelectElement>('#pref-theme')!.value).toBe('light');
    expect(element.querySelector<HTMLSelectElement>('#pref-language')!.value).toBe('en');
    expect(element.querySelector<HTMLSelectElement>('#pref-digest')!.value).toBe('daily');
  });
});

import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { AuthSession } from '@fasto/api-client';
import { AuthService } from '../core/auth/auth.service';
import { I18n, LANGUAGES, type Language } from '../core/i18n/i18n.service';
import { PreferencesStore } from '../core/preferences/preferences.store';
import { Icon } from '../shared/icon';

@Component({
  selector: 'app-user-menu',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'relative', '(document:click)': 'closeOnOutside($event)', '(document:keydown.escape)': 'open.set(false)' },
  template: `
    <button
      type="button"
      class="flex items-center gap-2 rounded-full p-1 pr-2 hover:bg-zinc-100 dark:hover:bg-zinc-900"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      (click)="open.set(!open())"
      data-testid="user-menu"
    >
      <span
        aria-hidden="true"
        class="grid size-8 place-items-center rounded-full bg-zinc-900 text-xs font-semibold text-gold-300 ring-1 ring-gold-500/40 dark:bg-zinc-800"
        >{{ initials() }}</span
      >
      <span class="hidden text-left leading-tight md:block">
        <span class="block text-sm font-medium">{{ user()?.fullName }}</span>
        <span class="block text-xs text-muted">{{ roleLabel() }}</span>
      </span>
      <!-- Named by what it shows (WCAG 2.5.3: the visible name is part of the accessible one) plus what it is. -->
      <span class="sr-only">{{ i18n.t('user.menu') }}</span>
    </button>
    @if (open()) {
      <div role="menu" class="card absolute right-0 z-50 mt-2 w-64 p-2 shadow-xl" data-testid="user-menu-panel">
        <div class="border-b border-zinc-200 px-3 pt-1 pb-3 dark:border-zinc-800">
          <p class="truncate text-sm font-medium">{{ user()?.fullName }}</p>
          <p class="truncate text-xs text-muted">{{ user()?.email }}</p>
        </div>
        <button type="button" role="menuitem" class="btn-ghost mt-1 w-full justify-between" (click)="preferences.toggleTheme()" data-testid="theme-toggle">
          <span class="flex items-center gap-2"><app-icon [name]="dark() ? 'moon' : 'sun'" [size]="16" />{{ i18n.t('user.theme') }}</span>
          <span class="text-xs text-muted">{{ i18n.t(dark() ? 'user.theme.dark' : 'user.theme.light') }}</span>
        </button>
        <button type="button" role="menuitem" class="btn-ghost w-full justify-between" (click)="nextLanguage()" data-testid="language-toggle">
          <span class="flex items-center gap-2"><app-icon name="globe" [size]="16" />{{ i18n.t('user.language') }}</span>
          <span class="text-xs text-muted">{{ i18n.language() === 'en' ? 'English' : 'Português' }}</span>
        </button>
        <button
          type="button"
          role="menuitemcheckbox"
          [attr.aria-checked]="!preferences.soundMuted()"
          class="btn-ghost w-full justify-between"
          (click)="preferences.soundMuted.set(!preferences.soundMuted())"
          data-testid="sound-toggle"
        >
          <span class="flex items-center gap-2"><app-icon [name]="preferences.soundMuted() ? 'mute' : 'volume'" [size]="16" />{{ i18n.t('user.sound') }}</span>
          <span class="text-xs text-muted">{{ i18n.t(preferences.soundMuted() ? 'user.sound.off' : 'user.sound.on') }}</span>
        </button>
        <div class="my-1 border-t border-zinc-200 dark:border-zinc-800"></div>
        <button type="button" role="menuitem" class="btn-ghost w-full justify-start text-negative" (click)="signOut()" data-testid="sign-out">
          <app-icon name="logout" [size]="16" />{{ i18n.t('user.signOut') }}
        </button>
      </div>
    }
  `,
})
export class UserMenu {
  protected readonly i18n = inject(I18n);
  protected readonly preferences = inject(PreferencesStore);
  private readonly auth = inject(AuthService);
  private readonly host = inject(ElementRef<HTMLElement>);
  protected readonly open = signal(false);
  protected readonly user = inject(AuthSession).user;
  protected readonly dark = computed(() => this.preferences.theme() === 'dark');
  protected readonly initials = computed(() =>
    (this.user()?.fullName ?? '?')
      .split(/\s+/)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join(''),
  );
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? this.i18n.t(`role.${role}`) : '';
  });

  protected nextLanguage(): void {
    const index = LANGUAGES.indexOf(this.i18n.language());
    this.preferences.language.set(LANGUAGES[(index + 1) % LANGUAGES.length] as Language);
  }

  protected signOut(): void {
    this.open.set(false);
    void this.auth.logout();
  }

  protected closeOnOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) this.open.set(false);
  }
}

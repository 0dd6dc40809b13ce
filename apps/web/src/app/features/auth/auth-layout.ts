import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { I18n } from '../../core/i18n/i18n.service';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { Icon } from '../../shared/icon';

/** The signed-out frame: brand on a quiet gradient, the form in a card. */
@Component({
  selector: 'app-auth-layout',
  imports: [RouterOutlet, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="relative flex min-h-dvh items-center justify-center overflow-hidden bg-zinc-50 px-4 py-10 dark:bg-black">
      <div class="pointer-events-none absolute -top-40 left-1/2 size-[640px] -translate-x-1/2 rounded-full bg-gold-400/10 blur-3xl dark:bg-gold-500/10"></div>
      <button
        type="button"
        class="btn-ghost absolute top-4 right-4"
        (click)="preferences.toggleTheme()"
        [attr.aria-label]="i18n.t('user.theme')"
        data-testid="auth-theme-toggle"
      >
        <app-icon [name]="preferences.theme() === 'dark' ? 'sun' : 'moon'" [size]="18" />
      </button>
      <div class="relative w-full max-w-sm">
        <div class="mb-8 flex flex-col items-center gap-3 text-center">
          <span
            class="grid size-12 place-items-center rounded-xl bg-gradient-to-br from-gold-300 to-gold-600 text-xl font-bold text-black shadow-lg shadow-gold-500/20"
            >F</span
          >
          <p class="text-3xl font-semibold tracking-tight">Fast<span class="text-gold-500">o</span></p>
          <p class="text-sm text-muted">{{ i18n.t('auth.subtitle') }}</p>
        </div>
        <div class="card p-6 sm:p-8">
          <router-outlet />
        </div>
      </div>
    </div>
  `,
})
export class AuthLayout {
  protected readonly i18n = inject(I18n);
  protected readonly preferences = inject(PreferencesStore);
}

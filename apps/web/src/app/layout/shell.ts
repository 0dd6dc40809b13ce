import { ImpersonationNotice } from '../core/auth/impersonation-notice';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { AuthSession, SessionRefresher } from '@fasto/api-client';
import { Drawer } from '@fasto/ui';
import { filter } from 'rxjs';
import { BrandingStore } from '../core/branding/branding.store';
import { I18n } from '../core/i18n/i18n.service';
import { allowedAt, homeFor } from '../core/nav/menu';
import { PreferencesStore } from '../core/preferences/preferences.store';
import { Icon } from '../shared/icon';
import { NotificationTray } from './notification-tray';
import { Sidebar } from './sidebar';
import { UserMenu } from './user-menu';

/** Signed-in frame: top bar, collapsible sidebar (a drawer on phones) and the routed screen. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, Drawer, Sidebar, UserMenu, NotificationTray, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a href="#main" class="sr-only z-50 rounded bg-gold-400 px-3 py-2 text-black focus:not-sr-only focus:fixed focus:top-2 focus:left-2">{{
      i18n.t('app.skip')
    }}</a>
    @if (impersonator(); as boss) {
      <div class="flex flex-wrap items-center justify-center gap-3 bg-gold-400 px-4 py-1.5 text-sm font-medium text-black" role="status">
        {{ i18n.t('impersonation.banner', { name: user()?.fullName ?? '', tenant: user()?.tenantName ?? '' }) }}
        <button type="button" class="rounded-md bg-black px-2.5 py-0.5 text-xs text-gold-300" (click)="exitImpersonation()">
          {{ i18n.t('impersonation.exit') }}
        </button>
      </div>
    }
    @if (impersonationEnded(); as ended) {
      <div class="flex flex-wrap items-center justify-center gap-3 bg-zinc-800 px-4 py-1.5 text-sm text-white" role="status" data-testid="impersonation-ended">
        {{ i18n.t('impersonation.ended', { name: ended.name, tenant: ended.tenant }) }}
        <button type="button" class="rounded-md bg-white px-2.5 py-0.5 text-xs text-black" (click)="impersonationNotice.dismiss()">
          {{ i18n.t('common.close') }}
        </button>
      </div>
    }
    <div class="flex min-h-dvh">
      <aside
        class="hidden shrink-0 overflow-hidden border-r border-zinc-200 bg-white transition-[width] duration-200 lg:block dark:border-zinc-900 dark:bg-black"
        [class.w-64]="!collapsed()"
        [class.w-0]="collapsed()"
        [class.border-r-0]="collapsed()"
        [attr.aria-hidden]="collapsed()"
        [attr.inert]="collapsed() ? '' : null"
        data-testid="sidebar"
        [attr.data-collapsed]="collapsed()"
      >
        <app-sidebar class="sticky top-0 h-dvh w-64" [showCollapse]="true" (collapse)="preferences.sidebarCollapsed.set(true)" />
      </aside>

      @if (drawerOpen()) {
        <ui-drawer
          side="left"
          width="w-72 max-w-[85vw]"
          hostClass="lg:hidden"
          [label]="i18n.t('nav.menu')"
          panelTestId="drawer"
          (closed)="drawerOpen.set(false)"
        >
          <app-sidebar class="h-full" (navigated)="drawerOpen.set(false)" />
        </ui-drawer>
      }

      <div class="flex min-w-0 flex-1 flex-col">
        <header
          class="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-zinc-200 bg-white/80 px-3 backdrop-blur-md sm:px-5 dark:border-zinc-900 dark:bg-black/70"
        >
          <button
            type="button"
            class="grid size-10 place-items-center rounded-lg text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-900"
            [attr.aria-label]="menuButtonLabel()"
            [attr.aria-expanded]="menuExpanded()"
            (click)="toggleMenu()"
            data-testid="menu-toggle"
          >
            <app-icon name="menu" />
          </button>
          <div class="flex min-w-0 items-center gap-2.5">
            @if (logoUrl(); as logo) {
              <img [src]="logo" alt="" class="size-8 rounded-md object-contain" />
            } @else {
              <span class="grid size-8 place-items-center rounded-md bg-zinc-900 text-xs font-bold text-gold-300 ring-1 ring-gold-500/30">{{
                tenantInitial()
              }}</span>
            }
            <span class="truncate text-sm font-semibold" data-testid="tenant-name">{{ user()?.tenantName }}</span>
          </div>
          <div class="ml-auto flex items-center gap-1 sm:gap-2">
            <app-notification-tray />
            <app-user-menu />
          </div>
        </header>
        <main id="main" tabindex="-1" class="mx-auto w-full max-w-[1600px] flex-1 px-3 py-5 outline-none sm:px-6 lg:px-8">
          <router-outlet />
        </main>
      </div>
    </div>
  `,
})
export class Shell {
  protected readonly i18n = inject(I18n);
  protected readonly preferences = inject(PreferencesStore);
  private readonly session = inject(AuthSession);
  private readonly refresher = inject(SessionRefresher);
  private readonly router = inject(Router);
  protected readonly user = this.session.user;
  protected readonly impersonator = this.session.impersonator;
  protected readonly impersonationNotice = inject(ImpersonationNotice);
  protected readonly impersonationEnded = this.impersonationNotice.ended;
  protected readonly collapsed = this.preferences.sidebarCollapsed;
  protected readonly drawerOpen = signal(false);
  private readonly desktop = signal(typeof matchMedia === 'function' ? matchMedia('(min-width: 1024px)').matches : true);

  private readonly tenant = inject(BrandingStore).tenant;
  protected readonly logoUrl = computed(() => this.tenant()?.branding.logoUrl ?? null);
  protected readonly tenantInitial = computed(() => (this.user()?.tenantName ?? 'F').charAt(0).toUpperCase());
  protected readonly menuExpanded = computed(() => (this.desktop() ? !this.collapsed() : this.drawerOpen()));
  protected readonly menuButtonLabel = computed(() =>
    this.i18n.t(this.desktop() ? (this.collapsed() ? 'nav.expand' : 'nav.collapse') : this.drawerOpen() ? 'nav.close' : 'nav.open'),
  );

  constructor() {
    // The role can change under an open screen: an impersonation token expires and the renewal
    // brings back the super admin's own session. Leave screens the new role may not use.
    effect(() => {
      const role = this.user()?.role;
      untracked(() => {
        if (role && !allowedAt(this.router.url, role)) void this.router.navigateByUrl(homeFor(role));
      });
    });
    if (typeof matchMedia === 'function') {
      const query = matchMedia('(min-width: 1024px)');
      const onChange = (event: MediaQueryListEvent) => this.desktop.set(event.matches);
      query.addEventListener('change', onChange);
      inject(DestroyRef).onDestroy(() => query.removeEventListener('change', onChange));
    }
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.drawerOpen.set(false));
  }

  protected toggleMenu(): void {
    if (this.desktop()) this.collapsed.set(!this.collapsed());
    else this.drawerOpen.set(!this.drawerOpen());
  }

  /** Back to the super admin's own session, which their refresh cookie still holds. */
  protected exitImpersonation(): void {
    this.impersonationNotice.left();
    this.refresher.restore().subscribe({ next: () => void this.router.navigateByUrl('/console'), error: () => void this.router.navigateByUrl('/login') });
  }
}

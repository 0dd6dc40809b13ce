import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthSession } from '@fasto/api-client';
import { I18n } from '../core/i18n/i18n.service';
import { menuFor } from '../core/nav/menu';
import { Icon } from '../shared/icon';

/** The role's menu; rendered once in the desktop column and once in the phone drawer. */
@Component({
  selector: 'app-sidebar',
  imports: [RouterLink, RouterLinkActive, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'flex flex-col' },
  template: `
    <div class="flex h-16 items-center gap-2.5 px-5">
      <span class="grid size-8 place-items-center rounded-lg bg-gradient-to-br from-gold-300 to-gold-600 text-sm font-bold text-black shadow-inner">F</span>
      <span class="text-lg font-semibold tracking-tight">Fast<span class="text-gold-500">o</span></span>
    </div>
    <nav [attr.aria-label]="i18n.t('nav.menu')" class="flex-1 overflow-y-auto px-3 py-2" data-testid="sidebar-nav">
      <ul class="space-y-1">
        @for (item of items(); track item.path) {
          <li>
            <a
              [routerLink]="item.path"
              routerLinkActive="bg-zinc-100 text-zinc-900 dark:bg-zinc-900 dark:text-white [&_app-icon]:text-gold-500"
              #rla="routerLinkActive"
              [attr.aria-current]="rla.isActive ? 'page' : null"
              (click)="navigated.emit()"
              class="group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-900 dark:hover:text-zinc-100"
              [attr.data-testid]="'nav-' + item.icon"
            >
              <app-icon [name]="item.icon" [size]="18" class="text-zinc-400 group-hover:text-gold-500 dark:text-zinc-500" />
              {{ i18n.t(item.label) }}
            </a>
          </li>
        }
      </ul>
    </nav>
    @if (showCollapse()) {
      <div class="border-t border-zinc-200 p-3 dark:border-zinc-900">
        <button type="button" class="btn-ghost w-full justify-start" (click)="collapse.emit()" data-testid="sidebar-collapse">
          <app-icon name="chevronLeft" [size]="18" />
          {{ i18n.t('nav.collapse') }}
        </button>
      </div>
    }
  `,
})
export class Sidebar {
  protected readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  readonly showCollapse = input(false);
  readonly navigated = output();
  readonly collapse = output();
  protected readonly items = computed(() => {
    const user = this.session.user();
    return user ? menuFor(user.role) : [];
  });
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthSession, TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, TENANT_ROLES, type UserListQuery, type UserView } from '@fasto/contracts';
import { catchError, map, of } from 'rxjs';
import { formatDateTime } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { Icon } from '../../shared/icon';
import { EditMemberDialog, InviteMemberDialog } from './member-dialogs';
import { canInvite } from './member-rules';

/** Members: the tenant for admins, their own team for managers (the API scopes the list). */
@Component({
  selector: 'app-members-page',
  imports: [Icon, InviteMemberDialog, EditMemberDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <header class="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h1 class="text-2xl font-semibold tracking-tight">{{ i18n.t('nav.members') }}</h1>
        @if (mayInvite()) {
          <button type="button" class="btn-primary" (click)="inviting.set(true)" data-testid="invite-member-open">{{ i18n.t('members.invite') }}</button>
        }
      </header>

      <section class="card flex flex-wrap items-end gap-3 p-4" data-testid="member-filters">
        <form class="min-w-56 flex-1" (submit)="search($event)" role="search">
          <label class="label" for="member-q">{{ i18n.t('members.search') }}</label>
          <div class="relative">
            <app-icon name="search" [size]="16" class="absolute top-2.5 left-3 text-zinc-400" />
            <input id="member-q" name="q" type="search" class="input pl-9" [value]="filters().q ?? ''" />
          </div>
        </form>
        <div>
          <label class="label" for="filter-role">{{ i18n.t('members.role') }}</label>
          <select id="filter-role" class="input" (change)="setFilter('role', value($event))">
            <option value="">{{ i18n.t('dash.all') }}</option>
            @for (role of roles; track role) {
              <option [value]="role" [selected]="filters().role === role">{{ i18n.t(roleKey(role)) }}</option>
            }
          </select>
        </div>
        @if (isAdmin()) {
          <div>
            <label class="label" for="filter-team">{{ i18n.t('dash.team') }}</label>
            <select id="filter-team" class="input" (change)="setFilter('teamId', value($event))">
              <option value="">{{ i18n.t('dash.all') }}</option>
              @for (team of teams(); track team.id) {
                <option [value]="team.id" [selected]="filters().teamId === team.id">{{ team.name }}</option>
              }
            </select>
          </div>
        }
        <div>
          <label class="label" for="filter-status">{{ i18n.t('console.status') }}</label>
          <select id="filter-status" class="input" (change)="setFilter('isActive', value($event))">
            <option value="">{{ i18n.t('dash.all') }}</option>
            <option value="true" [selected]="filters().isActive === true">{{ i18n.t('members.active') }}</option>
            <option value="false" [selected]="filters().isActive === false">{{ i18n.t('members.inactive') }}</option>
          </select>
        </div>
      </section>

      <section class="card overflow-hidden">
        @switch (state()) {
          @case ('loading') {
            <div class="divide-y divide-zinc-100 dark:divide-zinc-900" aria-busy="true">
              @for (n of [1, 2, 3, 4, 5]; track n) {
                <div class="flex items-center gap-4 px-4 py-4">
                  <div class="skeleton size-8 rounded-full"></div>
                  <div class="skeleton h-4 flex-1"></div>
                  <div class="skeleton h-4 w-24"></div>
                </div>
              }
            </div>
          }
          @case ('error') {
            <div class="p-10 text-center text-muted" role="alert">{{ i18n.t('members.error') }}</div>
          }
          @default {
            @if (members().length === 0) {
              <div class="p-10 text-center text-muted" data-testid="members-empty">{{ i18n.t('members.empty') }}</div>
            } @else {
              <div class="overflow-x-auto" tabindex="0">
                <table class="w-full text-sm" data-testid="members-table">
                  <thead>
                    <tr class="border-b border-zinc-200 text-left text-xs tracking-wide text-muted uppercase dark:border-zinc-800">
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('members.name') }}</th>
                      <th scope="col" class="px-4 py-3 font-medium">{{ i18n.t('members.role') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium md:table-cell">{{ i18n.t('dash.team') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium sm:table-cell">{{ i18n.t('console.status') }}</th>
                      <th scope="col" class="hidden px-4 py-3 font-medium lg:table-cell">{{ i18n.t('members.lastSeen') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (member of members(); track member.id) {
                      <tr
                        class="cursor-pointer border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900/60"
                        [class.opacity-60]="!member.isActive"
                        (click)="open(member.id)"
                        data-testid="member-row"
                      >
                        <td class="px-4 py-3">
                          <div class="flex items-center gap-3">
                            @if (member.avatarUrl) {
                              <img [src]="member.avatarUrl" alt="" class="size-8 rounded-full object-cover" />
                            } @else {
                              <span
                                class="grid size-8 shrink-0 place-items-center rounded-full bg-zinc-900 text-xs font-semibold text-gold-300 ring-1 ring-gold-500/30"
                                >{{ member.fullName.charAt(0) }}</span
                              >
                            }
                            <div class="min-w-0">
                              <button
                                type="button"
                                class="block max-w-full truncate text-left font-medium hover:text-gold-700 dark:hover:text-gold-400"
                                (click)="$event.stopPropagation(); open(member.id)"
                              >
                                {{ member.fullName }}
                              </button>
                              <p class="truncate text-xs text-muted">{{ member.email }}</p>
                            </div>
                          </div>
                        </td>
                        <td class="px-4 py-3 whitespace-nowrap">{{ i18n.t(roleKey(member.role)) }}</td>
                        <td class="hidden px-4 py-3 md:table-cell">{{ member.teamName ?? '—' }}</td>
                        <td class="hidden px-4 py-3 sm:table-cell">
                          <span
                            class="chip"
                            [class]="member.isActive ? (member.hasPassword ? 'text-positive' : 'text-sky-600 dark:text-sky-400') : 'text-negative'"
                          >
                            {{ i18n.t(member.isActive ? (member.hasPassword ? 'members.active' : 'members.invited') : 'members.inactive') }}
                          </span>
                        </td>
                        <td class="hidden px-4 py-3 text-muted tabular-nums lg:table-cell">{{ member.lastLoginAt ? dateTime(member.lastLoginAt) : '—' }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (nextCursor()) {
                <div class="border-t border-zinc-100 p-3 text-center dark:border-zinc-900">
                  <button type="button" class="btn-outline" (click)="more()">{{ i18n.t('att.loadMore') }}</button>
                </div>
              }
            }
          }
        }
      </section>
    </div>

    @if (inviting()) {
      <app-invite-member-dialog [teams]="teams()" (closed)="inviting.set(false)" (invited)="invited($event)" />
    }
    @if (selected(); as member) {
      <app-edit-member-dialog [member]="member" [actor]="role()" [selfId]="selfId()" [teams]="teams()" (closed)="close()" (updated)="updated($event)" />
    } @else if (selectedMissing()) {
      <div class="fixed inset-x-0 bottom-4 z-50 mx-auto w-fit rounded-lg bg-zinc-900 px-4 py-2 text-sm text-white shadow-lg" role="alert">
        {{ i18n.t('members.notFound') }}
      </div>
    }
  `,
})
export class MembersPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly user = inject(AuthSession).user;
  /** `/members/:id` (a notification's link) opens that member. */
  readonly id = input<string | undefined>();

  protected readonly value = inputValue;
  protected readonly dateTime = formatDateTime;
  protected readonly roles = TENANT_ROLES;
  protected readonly roleKey = (role: Role) => `role.${role}` as const;
  protected readonly role = computed(() => this.user()?.role ?? Role.Agent);
  protected readonly selfId = computed(() => this.user()?.id ?? '');
  protected readonly isAdmin = computed(() => this.role() === Role.Admin);
  protected readonly mayInvite = computed(() => canInvite(this.role()));

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed<UserListQuery>(() => {
    const p = this.params();
    const role = p.get('role');
    const active = p.get('isActive');
    return {
      q: p.get('q') ?? undefined,
      role: role && (TENANT_ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
      teamId: p.get('teamId') ?? undefined,
      isActive: active === 'true' ? true : active === 'false' ? false : undefined,
    };
  });

  protected readonly members = signal<UserView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly inviting = signal(false);
  /** A member opened by id who is not on the current page of the list (e.g. from a notification). */
  private readonly fetched = signal<UserView | null>(null);
  protected readonly selectedMissing = signal(false);
  protected readonly selected = computed(() => {
    const id = this.id();
    if (!id) return null;
    return this.members().find((member) => member.id === id) ?? (this.fetched()?.id === id ? this.fetched() : null);
  });

  protected readonly teams = toSignal(
    inject(TeamsApi)
      .list({ limit: 200 })
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  constructor() {
    effect(() => {
      const filters = this.filters();
      untracked(() => this.load(filters));
    });
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.selectedMissing.set(false);
        if (!id || this.fetched()?.id === id) return;
        this.api.get(id).subscribe({ next: (user) => this.fetched.set(user), error: () => this.selectedMissing.set(true) });
      });
    });
  }

  private load(filters: UserListQuery, cursor?: string): void {
    if (!cursor) this.state.set('loading');
    this.api.list({ ...filters, cursor, limit: 50 }).subscribe({
      next: (page) => {
        this.members.update((list) => (cursor ? [...list, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(this.filters(), cursor);
  }

  protected setFilter(key: keyof UserListQuery, value: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [key]: value || null }, queryParamsHandling: 'merge' });
  }

  protected search(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.setFilter('q', input.value.trim());
  }

  protected open(id: string): void {
    void this.router.navigate(['/members', id], { queryParamsHandling: 'preserve' });
  }

  protected close(): void {
    void this.router.navigate(['/members'], { queryParamsHandling: 'preserve' });
  }

  protected invited(user: UserView): void {
    this.inviting.set(false);
    this.members.update((list) => [user, ...list]);
  }

  protected updated(user: UserView): void {
    this.members.update((list) => list.map((member) => (member.id === user.id ? user : member)));
    if (this.fetched()?.id === user.id) this.fetched.set(user);
  }
}

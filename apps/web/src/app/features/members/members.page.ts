import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, type ParamMap } from '@angular/router';
import { TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, TENANT_ROLES, type UserListQuery, type UserView } from '@fasto/contracts';
import { DataCell, DataTable, FilterBar, PageHeader, keysetList, pageItems, urlFilters, type DataColumn, type FilterField } from '@fasto/ui';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { NewButton } from '../../shared/new-button';
import { injectViewer } from '../../shared/viewer';
import { whenChanged } from '../../shared/when-changed';
import { EditMemberDialog, InviteMemberDialog } from './member-dialogs';
import { canInvite } from './member-rules';

const PAGE_SIZE = 50;

/** Members: the tenant for admins, their own team for managers (the API scopes the list). */
@Component({
  selector: 'app-members-page',
  imports: [NewButton, FilterBar, DataTable, DataCell, InviteMemberDialog, EditMemberDialog, PageHeader, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <ui-page-header [title]="i18n.t('nav.members')">
        @if (mayInvite()) {
          <button appNewButton (click)="inviting.set(true)" data-testid="invite-member-open">{{ i18n.t('members.invite') }}</button>
        }
      </ui-page-header>

      <ui-filter-bar testId="member-filters" [fields]="filterFields()" [values]="filters()" (changed)="query.set($event)" />

      <ui-data-table testId="member" [list]="list" [columns]="columns()" [texts]="texts()" [openId]="id()" [rowClass]="dimInactive" (rowClick)="open($event)">
        <ng-template uiCell="name" [uiCellOf]="list.items()" let-member>
          <div class="flex items-center gap-3">
            @if (member.avatarUrl) {
              <img [src]="member.avatarUrl" alt="" class="size-8 rounded-full object-cover" />
            } @else {
              <span class="grid size-8 shrink-0 place-items-center rounded-full bg-zinc-900 text-xs font-semibold text-gold-300 ring-1 ring-gold-500/30">{{
                member.fullName.charAt(0)
              }}</span>
            }
            <div class="min-w-0">
              <button
                type="button"
                class="block max-w-full truncate text-left font-medium hover:text-gold-700 dark:hover:text-gold-400"
                (click)="$event.stopPropagation(); open(member)"
              >
                {{ member.fullName }}
              </button>
              <p class="truncate text-xs text-muted">{{ member.email }}</p>
            </div>
          </div>
        </ng-template>
        <ng-template uiCell="role" [uiCellOf]="list.items()" let-member>{{ i18n.t(roleKey(member.role)) }}</ng-template>
        <ng-template uiCell="team" [uiCellOf]="list.items()" let-member>{{ member.teamName ?? '—' }}</ng-template>
        <ng-template uiCell="status" [uiCellOf]="list.items()" let-member>
          <span class="chip" [class]="member.isActive ? (member.hasPassword ? 'text-positive' : 'text-sky-600 dark:text-sky-400') : 'text-negative'">
            {{ i18n.t(member.isActive ? (member.hasPassword ? 'members.active' : 'members.invited') : 'members.inactive') }}
          </span>
        </ng-template>
        <ng-template uiCell="lastSeen" [uiCellOf]="list.items()" let-member>{{ member.lastLoginAt | format: 'dateTime' }}</ng-template>
      </ui-data-table>
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
  private readonly viewer = injectViewer();
  /** `/members/:id` (a notification's link) opens that member. */
  readonly id = input<string | undefined>();

  protected readonly dimInactive = (member: UserView) => (member.isActive ? '' : 'opacity-60');
  protected readonly roleKey = (role: Role) => `role.${role}` as const;
  protected readonly role = this.viewer.role;
  protected readonly selfId = computed(() => this.viewer.user()?.id ?? '');
  protected readonly mayInvite = computed(() => canInvite(this.role()));

  protected readonly query = urlFilters(memberFiltersFromParams);
  protected readonly filters = this.query.value;
  protected readonly list = keysetList({
    filters: this.filters,
    fetch: (filters: UserListQuery, cursor) => this.api.list({ ...filters, cursor, limit: PAGE_SIZE }),
  });

  protected readonly inviting = signal(false);
  /** A member opened by id who is not on the current page of the list (e.g. from a notification). */
  private readonly fetched = signal<UserView | null>(null);
  protected readonly selectedMissing = signal(false);
  protected readonly selected = computed(() => {
    const id = this.id();
    if (!id) return null;
    return this.list.items().find((member) => member.id === id) ?? (this.fetched()?.id === id ? this.fetched() : null);
  });

  protected readonly teams = pageItems(inject(TeamsApi).list({ limit: 200 }));
  protected readonly texts = computed(() => ({ empty: this.i18n.t('members.empty'), error: this.i18n.t('members.error') }));
  protected readonly columns = computed((): DataColumn<UserView>[] => [
    { key: 'name', label: this.i18n.t('members.name'), sortValue: (member) => member.fullName },
    { key: 'role', label: this.i18n.t('members.role'), cellClass: 'whitespace-nowrap', sortValue: (member) => this.i18n.t(this.roleKey(member.role)) },
    { key: 'team', label: this.i18n.t('common.team'), from: 'md', sortValue: (member) => member.teamName },
    { key: 'status', label: this.i18n.t('members.status'), from: 'sm' },
    { key: 'lastSeen', label: this.i18n.t('members.lastSeen'), from: 'lg', cellClass: 'text-muted tabular-nums', sortValue: (member) => member.lastLoginAt },
  ]);
  protected readonly filterFields = computed((): FilterField[] => {
    const all = this.i18n.t('common.all');
    const roles = TENANT_ROLES.map((role) => ({ value: role, label: this.i18n.t(this.roleKey(role)) }));
    const teams = this.teams().map((team) => ({ value: team.id, label: team.name }));
    const statuses = [
      { value: 'true', label: this.i18n.t('members.active') },
      { value: 'false', label: this.i18n.t('members.inactive') },
    ];
    return [
      { kind: 'search', key: 'q', id: 'member-q', label: this.i18n.t('members.search') },
      { kind: 'select', key: 'role', id: 'filter-role', label: this.i18n.t('members.role'), allLabel: all, options: roles },
      ...(this.viewer.isAdmin()
        ? [{ kind: 'select', key: 'teamId', id: 'filter-team', label: this.i18n.t('common.team'), allLabel: all, options: teams } as const]
        : []),
      { kind: 'select', key: 'isActive', id: 'filter-status', label: this.i18n.t('members.status'), allLabel: all, options: statuses },
    ];
  });

  constructor() {
    whenChanged(this.id, (id) => {
      this.selectedMissing.set(false);
      if (!id || this.fetched()?.id === id) return;
      return this.api.get(id).subscribe({ next: (user) => this.fetched.set(user), error: () => this.selectedMissing.set(true) });
    });
  }

  protected open(member: UserView): void {
    void this.router.navigate(['/members', member.id], { queryParamsHandling: 'preserve' });
  }

  protected close(): void {
    void this.router.navigate(['/members'], { queryParamsHandling: 'preserve' });
  }

  protected invited(user: UserView): void {
    this.inviting.set(false);
    this.list.update((list) => [user, ...list]);
  }

  protected updated(user: UserView): void {
    this.list.update((list) => list.map((member) => (member.id === user.id ? user : member)));
    if (this.fetched()?.id === user.id) this.fetched.set(user);
  }
}

/** The filters of the members list, from the query string. */
export function memberFiltersFromParams(params: ParamMap): UserListQuery {
  const role = params.get('role');
  const active = params.get('isActive');
  return {
    q: params.get('q') || undefined,
    role: role && (TENANT_ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    teamId: params.get('teamId') || undefined,
    isActive: active === 'true' ? true : active === 'false' ? false : undefined,
  };
}

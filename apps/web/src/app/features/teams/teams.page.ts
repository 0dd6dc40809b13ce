import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TeamsApi, UsersApi } from '@fasto/api-client';
import type { TeamView, UserView } from '@fasto/contracts';
import { EmptyState, PageHeader, RowAction, Skeleton } from '@fasto/ui';
import { forkJoin, map } from 'rxjs';
import { I18n } from '../../core/i18n/i18n.service';
import { NewButton } from '../../shared/new-button';
import { injectViewer } from '../../shared/viewer';
import { TeamDialog } from './team-dialog';

/** Teams: admins manage them all; a manager sees their own team and its people. */
@Component({
  selector: 'app-teams-page',
  imports: [NewButton, RouterLink, RowAction, TeamDialog, PageHeader, Skeleton, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <ui-page-header [title]="i18n.t('nav.teams')">
        @if (isAdmin()) {
          <button appNewButton (click)="openEditor(null)" data-testid="new-team">{{ i18n.t('teams.create') }}</button>
        }
      </ui-page-header>
      @switch (state()) {
        @case ('loading') {
          <ui-skeleton shape="tiles" [count]="3" class="grid gap-4 md:grid-cols-2 xl:grid-cols-3" />
        }
        @case ('error') {
          <ui-empty-state class="card" [message]="i18n.t('teams.error')" [alert]="true" />
        }
        @default {
          @if (teams().length === 0) {
            <ui-empty-state class="card" [message]="i18n.t('teams.empty')" />
          } @else {
            <div class="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
              @for (team of teams(); track team.id) {
                <article class="card flex flex-col p-5" data-testid="team-card">
                  <div class="flex items-start justify-between gap-3">
                    <h2 class="text-lg font-semibold">{{ team.name }}</h2>
                    <span class="chip">{{ i18n.t('teams.count', { n: team.memberCount }) }}</span>
                  </div>
                  <dl class="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt class="text-muted">{{ i18n.t('teams.funnel') }}</dt>
                    <dd class="truncate" data-testid="team-funnel-name">{{ team.funnelName ?? '—' }}</dd>
                    <dt class="text-muted">{{ i18n.t('teams.origins') }}</dt>
                    <dd class="truncate">{{ team.originGroupName ?? '—' }}</dd>
                  </dl>
                  <ul class="mt-3 flex flex-wrap gap-1.5">
                    @for (member of membersOf(team); track member.id) {
                      <li class="chip" [class.opacity-50]="!member.isActive">{{ member.fullName }}</li>
                    }
                  </ul>
                  <div class="mt-auto flex gap-2 pt-4">
                    <a class="btn-ghost px-2 text-xs" [routerLink]="['/members']" [queryParams]="isAdmin() ? { teamId: team.id } : {}">{{
                      i18n.t('nav.members')
                    }}</a>
                    <a class="btn-ghost px-2 text-xs" [routerLink]="['/dashboard']" [queryParams]="isAdmin() ? { teamId: team.id } : {}">{{
                      i18n.t('nav.dashboard')
                    }}</a>
                    @if (isAdmin()) {
                      <button
                        uiRowAction="main"
                        class="ml-auto"
                        [label]="i18n.t('teams.editOf', { name: team.name })"
                        testId="edit-team"
                        (click)="openEditor(team)"
                      >
                        {{ i18n.t('common.edit') }}
                      </button>
                    }
                  </div>
                </article>
              }
            </div>
          }
        }
      }
    </div>
    @if (editing(); as edit) {
      <app-team-dialog [team]="edit.team" [people]="people()" (closed)="editing.set(null)" (saved)="saved()" />
    }
  `,
})
export class TeamsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TeamsApi);
  private readonly users = inject(UsersApi);
  protected readonly isAdmin = injectViewer().isAdmin;
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly teams = signal<TeamView[]>([]);
  /** Members by team, from the users list (the team list carries only counts). */
  protected readonly people = signal<UserView[]>([]);
  protected readonly editing = signal<{ team: TeamView | null } | null>(null);

  constructor() {
    this.load();
  }

  protected membersOf(team: TeamView): { id: string; fullName: string; isActive: boolean }[] {
    return this.people().filter((person) => person.teamId === team.id);
  }

  protected openEditor(team: TeamView | null): void {
    if (!team) return this.editing.set({ team: null });
    this.api.get(team.id).subscribe({ next: (detail) => this.editing.set({ team: detail }), error: () => this.state.set('error') });
  }

  protected saved(): void {
    this.editing.set(null);
    this.load();
  }

  private load(): void {
    forkJoin([this.api.list({ limit: 200 }), this.users.list({ limit: 200 }).pipe(map((page) => page.items))]).subscribe({
      next: ([teams, people]) => {
        this.teams.set(teams.items);
        this.people.set(people);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }
}

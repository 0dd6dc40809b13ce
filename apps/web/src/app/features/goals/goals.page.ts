import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { GoalsApi, TeamsApi, UsersApi } from '@fasto/api-client';
import { Role, type GoalScope, type GoalView } from '@fasto/contracts';
import { ConfirmButton, DataCell, DataTable, keysetList, pageItems, PageHeader, RowAction, type DataColumn } from '@fasto/ui';
import { map, tap, type Observable } from 'rxjs';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { NewButton } from '../../shared/new-button';
import { attendsCustomers, injectViewer } from '../../shared/viewer';
import { GoalDialog, type GoalSubject } from './goal-dialog';
import { formatGoalValue, metricLabel, periodLabel, scopeLabel } from './goal-figures';

/** Goals of the organization (admins: all; managers: their team and its agents, the company's read-only). */
@Component({
  selector: 'app-goals-page',
  imports: [DataTable, DataCell, NewButton, GoalDialog, ConfirmButton, RowAction, PageHeader, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="space-y-5">
      <ui-page-header [title]="i18n.t('nav.goals')" [help]="i18n.t('goals.help')">
        <button appNewButton (click)="creating.set(true)" data-testid="goal-new">{{ i18n.t('goals.new') }}</button>
      </ui-page-header>

      <ui-data-table testId="goal" [list]="list" [columns]="columns()" [texts]="texts()" [retryable]="true">
        <ng-template uiCell="scope" [uiCellOf]="list.items()" let-goal>{{ i18n.t(scopeKey(goal.scope)) }}</ng-template>
        <ng-template uiCell="who" [uiCellOf]="list.items()" let-goal>{{ who(goal) }}</ng-template>
        <ng-template uiCell="metric" [uiCellOf]="list.items()" let-goal>{{ i18n.t(metricKey(goal.metric)) }}</ng-template>
        <ng-template uiCell="period" [uiCellOf]="list.items()" let-goal>
          {{ i18n.t(periodKey(goal.period)) }}
        </ng-template>
        <ng-template uiCell="target" [uiCellOf]="list.items()" let-goal>
          <span data-testid="goal-target-cell">{{ targetOf(goal) }}</span>
        </ng-template>
        <ng-template uiCell="activeFrom" [uiCellOf]="list.items()" let-goal>{{ goal.activeFrom | format: 'day' }}</ng-template>
        <ng-template uiCell="actions" [uiCellOf]="list.items()" let-goal>
          @if (canEdit(goal)) {
            <div class="flex justify-end gap-1">
              <button uiRowAction [label]="i18n.t('goals.editOf', { name: describe(goal) })" testId="goal-edit" (click)="editing.set(goal)">
                {{ i18n.t('goals.editAction') }}
              </button>
              <button
                uiRowAction
                [label]="i18n.t('goals.deleteOf', { name: describe(goal) })"
                testId="goal-delete"
                [uiConfirm]="i18n.t('goals.deleteConfirm', { name: describe(goal) })"
                [confirmLabel]="i18n.t('goals.delete')"
                [run]="() => remove(goal)"
              >
                {{ i18n.t('goals.deleteAction') }}
              </button>
            </div>
          }
        </ng-template>
      </ui-data-table>
    </div>

    @if (creating() || editing()) {
      <app-goal-dialog [goal]="editing()" [scopes]="scopes()" [teams]="teamSubjects()" [agents]="agentSubjects()" (closed)="closeDialog()" (saved)="saved()" />
    }
  `,
})
export class GoalsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GoalsApi);
  private readonly viewer = injectViewer();
  private readonly user = this.viewer.user;
  private readonly role = this.viewer.role;

  protected readonly metricKey = metricLabel;
  protected readonly scopeKey = scopeLabel;
  protected readonly periodKey = periodLabel;
  protected readonly creating = signal(false);
  protected readonly editing = signal<GoalView | null>(null);

  private readonly reloads = signal(0);
  protected readonly list = keysetList({
    filters: this.reloads,
    fetch: () => this.api.list().pipe(map(({ items }) => ({ items, nextCursor: null }))),
  });

  /** Admins pick any team and active agent; a manager only their own team and its agents (the API checks again). */
  protected readonly scopes = computed<readonly GoalScope[]>(() => (this.role() === Role.Admin ? ['tenant', 'team', 'user'] : ['team', 'user']));
  private readonly teams = pageItems(inject(TeamsApi).list({ limit: 200 }));
  private readonly users = pageItems(
    inject(UsersApi).list({ isActive: true, limit: 200, teamId: this.role() === Role.Manager ? (this.user()?.teamId ?? undefined) : undefined }),
  );
  protected readonly teamSubjects = computed<GoalSubject[]>(() =>
    this.teams()
      .filter((team) => this.role() === Role.Admin || team.id === this.user()?.teamId)
      .map((team) => ({ id: team.id, name: team.name })),
  );
  protected readonly agentSubjects = computed<GoalSubject[]>(() =>
    this.users()
      .filter(attendsCustomers)
      .map((user) => ({ id: user.id, name: user.fullName })),
  );

  protected readonly columns = computed<DataColumn<GoalView>[]>(() => [
    { key: 'scope', label: this.i18n.t('goals.scope'), sortValue: (goal) => goal.scope },
    { key: 'who', label: this.i18n.t('goals.who'), sortValue: (goal) => this.who(goal) },
    { key: 'metric', label: this.i18n.t('goals.metric'), sortValue: (goal) => goal.metric },
    { key: 'period', label: this.i18n.t('goals.period'), from: 'md', sortValue: (goal) => goal.period },
    { key: 'target', label: this.i18n.t('goals.target'), align: 'end', cellClass: 'whitespace-nowrap tabular-nums' },
    { key: 'activeFrom', label: this.i18n.t('goals.activeFrom'), from: 'lg', cellClass: 'whitespace-nowrap', sortValue: (goal) => goal.activeFrom },
    { key: 'actions', label: this.i18n.t('goals.actions'), align: 'end' },
  ]);
  protected readonly texts = computed(() => ({ empty: this.i18n.t('goals.empty'), error: this.i18n.t('goals.error') }));

  protected who(goal: GoalView): string {
    if (goal.scope === 'tenant') return this.i18n.t('goals.wholeCompany');
    const id = goal.teamId ?? goal.userId;
    const names = goal.scope === 'team' ? this.teams().map((team) => ({ id: team.id, name: team.name })) : this.agentSubjects();
    return names.find((entry) => entry.id === id)?.name ?? '—';
  }

  protected describe(goal: GoalView): string {
    return `${this.i18n.t(metricLabel(goal.metric))} · ${this.who(goal)}`;
  }

  protected targetOf(goal: GoalView): string {
    return formatGoalValue(goal.metric, goal.target);
  }

  /** Company goals are the admins'; a manager sees them but the API refuses their edits, so no buttons. */
  protected canEdit(goal: GoalView): boolean {
    return this.role() === Role.Admin || goal.scope !== 'tenant';
  }

  protected closeDialog(): void {
    this.creating.set(false);
    this.editing.set(null);
  }

  protected saved(): void {
    this.closeDialog();
    this.reloads.update((n) => n + 1);
  }

  protected remove(goal: GoalView): Observable<unknown> {
    return this.api.remove(goal.id).pipe(tap(() => this.list.update((items) => items.filter((item) => item.id !== goal.id))));
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal, untracked } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { AmountInput, Field, FieldControl, FormDialog, SelectOptions } from '@fasto/ui';
import { GoalsApi } from '@fasto/api-client';
import { GOAL_METRICS, GOAL_PERIODS, type GoalPeriod, type GoalScope, type GoalView } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { failedRules, formCheck } from '../../shared/form-problems';
import { metricLabel, parseTarget, periodLabel, scopeLabel, TARGET_ERRORS, targetText, UNIT_LABELS } from './goal-figures';

export interface GoalSubject {
  id: string;
  name: string;
}

/** Create a goal (scope, who, metric, period, target, active from) or edit an existing one's target and start day. */
@Component({
  selector: 'app-goal-dialog',
  imports: [FormField, FormDialog, Field, FieldControl, SelectOptions, AmountInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog
      [title]="title()"
      testId="goal-dialog"
      [check]="check"
      [busy]="busy()"
      errorsTestId="goal-errors"
      (submitted)="submit()"
      (closed)="closed.emit()"
    >
      @if (!goal()) {
        <div class="grid gap-4 sm:grid-cols-2">
          <ui-field controlId="goal-scope" name="scope" [label]="i18n.t('goals.scope')">
            <select uiControl class="input" [formField]="fields.scope" [uiOptions]="scopeOptions()" data-testid="goal-scope"></select>
          </ui-field>
          @if (scope() !== 'tenant') {
            <ui-field controlId="goal-subject" [name]="subjectField()" [label]="i18n.t(scope() === 'team' ? 'goals.team' : 'goals.agent')">
              <select uiControl class="input" [formField]="fields.subjectId" [uiOptions]="subjects()" [none]="choose()" data-testid="goal-subject"></select>
            </ui-field>
          }
          <ui-field controlId="goal-metric" name="metric" [label]="i18n.t('goals.metric')">
            <select uiControl class="input" [formField]="fields.metric" [uiOptions]="metrics()" data-testid="goal-metric"></select>
          </ui-field>
          <ui-field controlId="goal-period" name="period" [label]="i18n.t('goals.period')">
            <select uiControl class="input" [formField]="fields.period" [uiOptions]="periods()" data-testid="goal-period"></select>
          </ui-field>
        </div>
      }
      <div class="grid gap-4 sm:grid-cols-2">
        <ui-field controlId="goal-target" name="target" [label]="i18n.t('goals.target') + ' (' + unit() + ')'">
          <input uiControl uiAmount [placeholder]="placeholder()" [formField]="fields.target" data-testid="goal-target" />
        </ui-field>
        <ui-field controlId="goal-from" name="activeFrom" [label]="i18n.t('goals.activeFrom')">
          <input uiControl type="date" class="input" [formField]="fields.activeFrom" data-testid="goal-from" />
        </ui-field>
      </div>
    </ui-form-dialog>
  `,
})
export class GoalDialog {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(GoalsApi);
  /** The goal being edited; none to create one. */
  readonly goal = input<GoalView | null>(null);
  /** Admins may set company goals; managers only their team's and its agents'. */
  readonly scopes = input.required<readonly GoalScope[]>();
  readonly teams = input<GoalSubject[]>([]);
  readonly agents = input<GoalSubject[]>([]);
  readonly closed = output<void>();
  readonly saved = output<GoalView>();

  /** The choices in the UI language; `choose` is the empty first option of the team or agent. */
  protected readonly scopeOptions = computed(() => this.scopes().map((scope) => ({ id: scope, name: this.i18n.t(scopeLabel(scope)) })));
  protected readonly metrics = computed(() => GOAL_METRICS.map((metric) => ({ id: metric, name: this.i18n.t(metricLabel(metric)) })));
  protected readonly periods = computed(() => GOAL_PERIODS.map((period) => ({ id: period, name: this.i18n.t(periodLabel(period)) })));
  protected readonly choose = computed(() => this.i18n.t('goals.choose'));

  protected readonly scope = linkedSignal<GoalScope>(() => this.goal()?.scope ?? this.scopes()[0]);
  /** Another scope starts with no team or agent chosen. */
  protected readonly subjectId = linkedSignal({ source: this.scope, computation: () => '' });
  protected readonly metric = linkedSignal(() => this.goal()?.metric ?? 'sale_value');
  protected readonly period = signal<GoalPeriod>('month');
  /** The target as typed; the goal's own (in the UI language) until then, and empty again when a new goal's metric changes. */
  protected readonly targetInput = linkedSignal({
    source: () => ({ goal: this.goal(), metric: this.metric() }),
    // The language is read untracked: switching it must not wipe what the user typed.
    computation: ({ goal }) => (goal ? targetText(goal.metric, goal.target, untracked(this.i18n.language)) : ''),
  });
  protected readonly activeFrom = linkedSignal(() => this.goal()?.activeFrom ?? '');
  /** Each field is its own signal (a scope or metric change resets what depends on it), bound with [formField]. */
  protected readonly fields = {
    scope: form(this.scope),
    subjectId: form(this.subjectId),
    metric: form(this.metric),
    period: form(this.period),
    target: form(this.targetInput),
    activeFrom: form(this.activeFrom),
  };
  protected readonly title = computed(() => this.i18n.t(this.goal() ? 'goals.edit' : 'goals.new'));
  protected readonly busy = signal(false);

  protected readonly subjects = computed(() => (this.scope() === 'team' ? this.teams() : this.agents()));
  /** The API's name for the chosen team or agent, where its answers about them land. */
  protected readonly subjectField = computed(() => (this.scope() === 'team' ? 'teamId' : 'userId'));
  protected readonly unit = computed(() => this.i18n.t(UNIT_LABELS[this.metric()]));
  protected readonly placeholder = computed(() => (this.metric() === 'sale_value' ? targetText('sale_value', 12345.67, this.i18n.language()) : ''));
  private readonly target = computed(() => parseTarget(this.metric(), this.targetInput(), this.i18n.language()));
  protected readonly check = formCheck(this.i18n, () => {
    const target = this.target();
    const scope = this.scope();
    return failedRules(
      [this.subjectField(), scope === 'team' ? 'goals.err.teamRequired' : 'goals.err.agentRequired', scope !== 'tenant' && !this.goal() && !this.subjectId()],
      ['target', 'goals.err.targetRequired', target === null],
      ['target', TARGET_ERRORS[this.metric()], target !== null && Number.isNaN(target)],
    );
  });

  protected submit(): void {
    const target = this.target();
    if (!this.check.submit() || target === null || this.busy()) return;
    const goal = this.goal();
    const activeFrom = this.activeFrom() || undefined;
    const scope = this.scope();
    const request = goal
      ? this.api.update(goal.id, { target, activeFrom })
      : this.api.create({
          scope,
          teamId: scope === 'team' ? this.subjectId() : undefined,
          userId: scope === 'user' ? this.subjectId() : undefined,
          metric: this.metric(),
          period: this.period(),
          target,
          activeFrom,
        });
    this.busy.set(true);
    request.subscribe({
      next: (saved) => this.saved.emit(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        this.check.server.set(this.i18n.problems(error));
      },
    });
  }
}

import { Dialog } from '@fasto/ui';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { GoalsApi } from '@fasto/api-client';
import { GOAL_METRICS, GOAL_PERIODS, type GoalMetric, type GoalPeriod, type GoalScope, type GoalView } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { metricLabel, parseTarget, scopeLabel, TARGET_ERRORS, targetText, UNIT_LABELS } from './goal-figures';

export interface GoalSubject {
  id: string;
  name: string;
}

/** Create a goal (scope, who, metric, period, target, active from) or edit an existing one's target and start day. */
@Component({
  selector: 'app-goal-dialog',
  imports: [Dialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-dialog [title]="i18n.t(goal() ? 'goals.edit' : 'goals.new')" testId="goal-dialog" (closed)="closed.emit()">
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        @if (!goal()) {
          <div class="grid gap-4 sm:grid-cols-2">
            <div>
              <label class="label" for="goal-scope">{{ i18n.t('goals.scope') }}</label>
              <select id="goal-scope" class="input" (change)="setScope(value($event))" data-testid="goal-scope">
                @for (option of scopes(); track option) {
                  <option [value]="option" [selected]="option === scope()">{{ i18n.t(scopeKey(option)) }}</option>
                }
              </select>
            </div>
            @if (scope() !== 'tenant') {
              <div>
                <label class="label" for="goal-subject">{{ i18n.t(scope() === 'team' ? 'goals.team' : 'goals.agent') }}</label>
                <select id="goal-subject" class="input" (change)="subjectId.set(value($event))" data-testid="goal-subject">
                  <option value="" [selected]="!subjectId()">{{ i18n.t('goals.choose') }}</option>
                  @for (subject of subjects(); track subject.id) {
                    <option [value]="subject.id" [selected]="subject.id === subjectId()">{{ subject.name }}</option>
                  }
                </select>
              </div>
            }
            <div>
              <label class="label" for="goal-metric">{{ i18n.t('goals.metric') }}</label>
              <select id="goal-metric" class="input" (change)="setMetric(value($event))" data-testid="goal-metric">
                @for (option of metrics; track option) {
                  <option [value]="option" [selected]="option === metric()">{{ i18n.t(metricKey(option)) }}</option>
                }
              </select>
            </div>
            <div>
              <label class="label" for="goal-period">{{ i18n.t('goals.period') }}</label>
              <select id="goal-period" class="input" (change)="period.set(asPeriod(value($event)))" data-testid="goal-period">
                @for (option of periods; track option) {
                  <option [value]="option" [selected]="option === period()">
                    {{ i18n.t(option === 'month' ? 'goals.period.month' : 'goals.period.week') }}
                  </option>
                }
              </select>
            </div>
          </div>
        }
        <div class="grid gap-4 sm:grid-cols-2">
          <div>
            <label class="label" for="goal-target">{{ i18n.t('goals.target') }} ({{ unit() }})</label>
            <input
              id="goal-target"
              class="input tabular-nums"
              inputmode="decimal"
              autocomplete="off"
              [placeholder]="placeholder()"
              [value]="targetInput()"
              (input)="typedTarget.set(value($event))"
              [attr.aria-invalid]="targetError() ? true : null"
              [attr.aria-describedby]="targetError() ? 'goal-target-error' : null"
              data-testid="goal-target"
            />
            @if (targetError()) {
              <p id="goal-target-error" class="mt-1 text-xs text-negative">{{ targetError() }}</p>
            }
          </div>
          <div>
            <label class="label" for="goal-from">{{ i18n.t('goals.activeFrom') }}</label>
            <input id="goal-from" type="date" class="input" [value]="activeFrom()" (change)="chosenFrom.set(value($event))" data-testid="goal-from" />
          </div>
        </div>
        @if (messages().length) {
          <div role="alert" class="space-y-1 text-sm text-negative" data-testid="goal-errors">
            @for (message of messages(); track message) {
              <p>{{ message }}</p>
            }
          </div>
        }
        <div class="flex justify-end gap-2">
          <button type="button" class="btn-ghost" (click)="closed.emit()">{{ i18n.t('common.cancel') }}</button>
          <button type="submit" class="btn-primary" [disabled]="busy()" data-testid="goal-save">{{ i18n.t('common.save') }}</button>
        </div>
      </form>
    </ui-dialog>
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

  protected readonly value = inputValue;
  protected readonly metrics = GOAL_METRICS;
  protected readonly periods = GOAL_PERIODS;
  protected readonly metricKey = metricLabel;
  protected readonly scopeKey = scopeLabel;
  protected readonly asPeriod = (text: string): GoalPeriod => (text === 'week' ? 'week' : 'month');

  private readonly chosenScope = signal<GoalScope | null>(null);
  protected readonly scope = computed(() => this.goal()?.scope ?? this.chosenScope() ?? this.scopes()[0]);
  protected readonly subjectId = signal('');
  private readonly chosenMetric = signal<GoalMetric>('sale_value');
  protected readonly metric = computed(() => this.goal()?.metric ?? this.chosenMetric());
  protected readonly period = signal<GoalPeriod>('month');
  protected readonly typedTarget = signal<string | null>(null);
  protected readonly targetInput = computed(() => {
    const goal = this.goal();
    return this.typedTarget() ?? (goal ? targetText(goal.metric, goal.target, this.i18n.language()) : '');
  });
  protected readonly chosenFrom = signal<string | null>(null);
  protected readonly activeFrom = computed(() => this.chosenFrom() ?? this.goal()?.activeFrom ?? '');
  protected readonly busy = signal(false);
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<string[]>([]);

  protected readonly subjects = computed(() => (this.scope() === 'team' ? this.teams() : this.agents()));
  protected readonly unit = computed(() => this.i18n.t(UNIT_LABELS[this.metric()]));
  protected readonly placeholder = computed(() => (this.metric() === 'sale_value' ? targetText('sale_value', 12345.67, this.i18n.language()) : ''));
  private readonly target = computed(() => parseTarget(this.metric(), this.targetInput(), this.i18n.language()));
  protected readonly targetError = computed(() => {
    if (!this.submitted()) return '';
    const target = this.target();
    if (target === null) return this.i18n.t('goals.err.targetRequired');
    return Number.isNaN(target) ? this.i18n.t(TARGET_ERRORS[this.metric()]) : '';
  });
  protected readonly messages = computed(() => [
    ...(this.submitted() && this.scope() !== 'tenant' && !this.goal() && !this.subjectId()
      ? [this.i18n.t(this.scope() === 'team' ? 'goals.err.teamRequired' : 'goals.err.agentRequired')]
      : []),
    ...this.serverErrors(),
  ]);

  protected setScope(text: string): void {
    this.chosenScope.set(text === 'tenant' || text === 'team' || text === 'user' ? text : null);
    this.subjectId.set('');
  }

  protected setMetric(text: string): void {
    this.chosenMetric.set(GOAL_METRICS.find((metric) => metric === text) ?? 'sale_value');
    this.typedTarget.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.serverErrors.set([]);
    const target = this.target();
    if (target === null || Number.isNaN(target) || this.messages().length > 0 || this.busy()) return;
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
        this.serverErrors.set(this.i18n.errors(error));
      },
    });
  }
}

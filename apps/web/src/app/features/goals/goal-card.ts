import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { GoalProgressView } from '@fasto/contracts';
import { formatDay, formatDecimal } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { STATUS_TONE, formatGoalValue, metricLabel, periodLabel, statusLabel } from './goal-figures';

/** One goal in the running period: actual vs target, a bar with the expected-by-now marker, status and projection. */
@Component({
  selector: 'app-goal-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    @let view = progress();
    <article class="card h-full p-4" data-testid="goal-card" [attr.data-metric]="view.goal.metric" [attr.data-status]="view.status">
      <header class="flex items-start gap-2">
        <div class="min-w-0 flex-1">
          <h3 class="text-sm font-medium">{{ i18n.t(metric()) }}</h3>
          <p class="text-xs text-muted">{{ i18n.t(period()) }} · {{ days() }}</p>
        </div>
        <span class="shrink-0 rounded-full px-2 py-0.5 text-xs font-medium" [class]="tone()" data-testid="goal-status">{{ i18n.t(status()) }}</span>
      </header>
      <p class="mt-3 flex flex-wrap items-baseline gap-x-1.5">
        <span class="text-xl font-semibold tabular-nums" data-testid="goal-actual">{{ actual() }}</span>
        <span class="text-sm text-muted">{{ i18n.t('goals.card.of', { target: target() }) }}</span>
        <span class="ml-auto text-sm font-semibold tabular-nums" data-testid="goal-percent">{{ percent() }}%</span>
      </p>
      <div
        class="relative mt-2 h-2.5 rounded-full bg-zinc-200 dark:bg-zinc-800"
        role="meter"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="bar()"
        [attr.aria-label]="i18n.t('goals.card.progressOf', { metric: i18n.t(metric()) })"
        [attr.aria-valuetext]="percent() + '%'"
      >
        <div class="h-full rounded-full bg-gold-700 dark:bg-gold-400" [style.width.%]="bar()"></div>
        <!-- The pace marker: where the bar should be by now. It overhangs the bar, so its ends sit on the card (zinc-900 on white, white on black). -->
        <div
          class="absolute -top-1 h-4.5 w-0.5 rounded bg-zinc-900 dark:bg-white"
          [style.left.%]="pace()"
          [title]="i18n.t('goals.card.expected', { value: expected() })"
          data-testid="goal-pace"
        ></div>
      </div>
      <dl class="mt-3 grid grid-cols-2 gap-2 text-xs">
        <div>
          <dt class="text-muted">{{ i18n.t('goals.card.expectedLabel') }}</dt>
          <dd class="font-medium tabular-nums">{{ expected() }}</dd>
        </div>
        <div class="text-right">
          <dt class="text-muted">{{ i18n.t('goals.card.projection') }}</dt>
          <dd class="font-medium tabular-nums" data-testid="goal-projection">{{ projection() }}</dd>
        </div>
      </dl>
    </article>
  `,
})
export class GoalCard {
  protected readonly i18n = inject(I18n);
  readonly progress = input.required<GoalProgressView>();

  protected readonly metric = computed(() => metricLabel(this.progress().goal.metric));
  protected readonly status = computed(() => statusLabel(this.progress().status));
  protected readonly period = computed(() => periodLabel(this.progress().goal.period));
  protected readonly tone = computed(() => STATUS_TONE[this.progress().status]);
  protected readonly days = computed(() => `${formatDay(this.progress().periodStart)} – ${formatDay(this.progress().periodEnd)}`);
  private readonly format = (value: number | null) => formatGoalValue(this.progress().goal.metric, value);
  protected readonly actual = computed(() => this.format(this.progress().actual));
  protected readonly target = computed(() => this.format(this.progress().target));
  protected readonly expected = computed(() => this.format(this.progress().expected));
  protected readonly projection = computed(() => this.format(this.progress().projection));
  protected readonly percent = computed(() => formatDecimal(this.progress().percent));
  protected readonly bar = computed(() => clampPercent(this.progress().percent));
  /** Where the expected-by-now figure sits on the bar (the target itself for a rate). */
  protected readonly pace = computed(() => {
    const { expected, target } = this.progress();
    return clampPercent(target > 0 ? (expected / target) * 100 : 0);
  });
}

const clampPercent = (value: number): number => Math.max(0, Math.min(100, Math.round(value * 10) / 10));

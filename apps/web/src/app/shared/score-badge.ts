import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** The AI's 0–100 score: green from 75, gold from 50, red below. */
export const scoreTone = (score: number | null): 'good' | 'fair' | 'poor' | 'none' =>
  score === null ? 'none' : score >= 75 ? 'good' : score >= 50 ? 'fair' : 'poor';

@Component({
  selector: 'app-score-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span
    class="inline-flex min-w-9 justify-center rounded-md px-1.5 py-0.5 text-xs font-semibold tabular-nums ring-1 ring-inset"
    [class]="classes()"
    data-testid="score-badge"
    >{{ score() ?? '—' }}</span
  >`,
})
export class ScoreBadge {
  readonly score = input<number | null>(null);
  protected readonly classes = computed(
    () =>
      ({
        good: 'bg-emerald-500/10 text-emerald-700 ring-emerald-500/30 dark:text-emerald-300',
        fair: 'bg-gold-400/10 text-gold-700 ring-gold-500/30 dark:text-gold-300',
        poor: 'bg-red-500/10 text-red-700 ring-red-500/30 dark:text-red-300',
        none: 'bg-zinc-500/10 text-muted ring-zinc-500/20',
      })[scoreTone(this.score())],
  );
}

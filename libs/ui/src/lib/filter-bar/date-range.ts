import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { UI_TEXT, type UiLanguage } from '../ui-text/ui-text';
import { targetValue } from './target-value';

// A type (not an interface) so it passes as a `QueryPatch`.
export type DateRangeValue = { from: string | null; to: string | null };

/** `2026-12-01` as the chosen language writes it: 01/12/2026 in Portuguese, 12/1/2026 in English. */
export function displayDay(day: string | null | undefined, language: UiLanguage): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', dateStyle: 'short' }).format(new Date(Date.UTC(year, month - 1, date)));
}

/**
 * Two native day pickers (`YYYY-MM-DD`). The browser draws them in its own locale, so the chosen range
 * is also said in the app's language (title and screen readers).
 */
@Component({
  selector: 'ui-date-range',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'contents' },
  template: `
    <div>
      <label class="label" [for]="idPrefix() + '-from'">{{ text.from() }}</label>
      <input
        [id]="idPrefix() + '-from'"
        type="date"
        class="input"
        [value]="from() ?? ''"
        [max]="to() ?? ''"
        [title]="fromText()"
        (change)="changed.emit({ from: day($event), to: to() ?? null })"
      />
    </div>
    <div>
      <label class="label" [for]="idPrefix() + '-to'">{{ text.to() }}</label>
      <input
        [id]="idPrefix() + '-to'"
        type="date"
        class="input"
        [value]="to() ?? ''"
        [min]="from() ?? ''"
        [title]="toText()"
        (change)="changed.emit({ from: from() ?? null, to: day($event) })"
      />
    </div>
    @if (summary()) {
      <span class="sr-only" aria-live="polite" data-testid="date-range-text">{{ summary() }}</span>
    }
  `,
})
export class DateRange {
  protected readonly text = inject(UI_TEXT);
  readonly idPrefix = input.required<string>();
  readonly from = input<string | null | undefined>(null);
  readonly to = input<string | null | undefined>(null);
  readonly changed = output<DateRangeValue>();

  protected readonly fromText = computed(() => displayDay(this.from(), this.text.language()));
  protected readonly toText = computed(() => displayDay(this.to(), this.text.language()));
  protected readonly summary = computed(() => {
    const from = this.fromText();
    const to = this.toText();
    if (!from && !to) return '';
    return `${from ? `${this.text.from()} ${from}` : ''}${from && to ? ' ' : ''}${to ? `${this.text.to()} ${to}` : ''}`;
  });

  protected day(event: Event): string | null {
    return targetValue(event) || null;
  }
}

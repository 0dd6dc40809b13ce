import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, debounce, distinctUntilChanged, timer } from 'rxjs';
import { targetValue } from './target-value';

/** Typing pauses this long before the list follows the search box. */
export const SEARCH_DEBOUNCE_MS = 350;

/** Search as you type (debounced); Enter searches at once. */
@Component({
  selector: 'ui-search-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block min-w-56 flex-1' },
  template: `
    <form (submit)="submit($event)" role="search">
      <label class="label" [for]="inputId()">{{ label() }}</label>
      <div class="relative">
        <svg
          class="absolute top-2.5 left-3 text-zinc-400"
          viewBox="0 0 24 24"
          width="16"
          height="16"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
        >
          <path d="M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16m10 2-4.35-4.35" />
        </svg>
        <input [id]="inputId()" name="q" type="search" class="input pl-9" [value]="value()" (input)="typed.next(text($event))" />
      </div>
    </form>
  `,
})
export class SearchField {
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  /** The search the list shows now (from the URL). */
  readonly value = input('');
  readonly debounceMs = input(SEARCH_DEBOUNCE_MS);
  readonly searched = output<string>();

  protected readonly typed = new Subject<string>();

  constructor() {
    this.typed
      .pipe(
        debounce(() => timer(this.debounceMs())),
        distinctUntilChanged(),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((q) => this.emit(q));
  }

  protected text(event: Event): string {
    return targetValue(event).trim();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.emit(field.value.trim());
  }

  private emit(q: string): void {
    if (q !== this.value()) this.searched.emit(q);
  }
}

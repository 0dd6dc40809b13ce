import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { EmptyState } from '../empty-state/empty-state';
import { Skeleton, type SkeletonShape } from '../skeleton/skeleton';

/**
 * What stands where a screen's data will be until it arrives: the skeleton while it loads, or the
 * announced "could not load" card once it failed. The page shows its content itself when it has it.
 */
@Component({
  selector: 'ui-load-state',
  imports: [EmptyState, Skeleton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    @if (failed()) {
      <ui-empty-state class="card" [message]="error()" [alert]="true" [retryable]="retryable()" (retried)="retried.emit()" [testId]="testId()" />
    } @else {
      <ui-skeleton [shape]="shape()" [count]="count()" />
    }
  `,
})
export class LoadState {
  readonly failed = input.required<boolean>();
  /** What the card says when loading failed. */
  readonly error = input.required<string>();
  readonly shape = input<SkeletonShape>('items');
  readonly count = input<number | null>(null);
  readonly retryable = input(false);
  readonly retried = output<void>();
  readonly testId = input<string | null>(null);
}

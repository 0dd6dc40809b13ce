import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import type { I18n } from '../core/i18n/i18n.service';

/** A page's write in flight: its buttons wait on `busy`, a failure becomes the page's one error line. */
export class PendingAction {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  constructor(private readonly i18n: I18n) {}

  run<T>(request: Observable<T>, done: (value: T) => void, failed?: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        failed?.();
        this.error.set(this.i18n.error(error));
      },
    });
  }
}

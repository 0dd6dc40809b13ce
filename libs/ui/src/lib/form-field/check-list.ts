import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';

/**
 * One row of a `ui-check-list`: `id` is what is ticked, `name` the row's text, `detail` a small note
 * at its end, or `code` a technical name shown as code (a webhook event's `attendance.created`).
 */
export interface CheckItem<T extends string = string> {
  readonly id: T;
  readonly name: string;
  readonly detail?: string;
  readonly code?: string;
}

/**
 * A bordered list of checkbox rows for picking several of many (a team's members, a webhook's events);
 * the whole row is the label. `value` (the ticked ids) is a model, so a signal form binds it with `[formField]`.
 */
@Component({
  selector: 'ui-check-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block overflow-y-auto rounded-lg border border-zinc-200 dark:border-zinc-800' },
  template: `
    <ul class="divide-y divide-zinc-100 dark:divide-zinc-900">
      @for (item of items(); track item.id) {
        <li>
          <label class="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900">
            <input
              type="checkbox"
              class="size-4 accent-gold-500"
              [checked]="value().includes(item.id)"
              [disabled]="disabled()"
              (change)="toggle(item.id)"
              [attr.data-testid]="testIdPrefix() === null ? null : testIdPrefix() + item.id"
            />
            <span class="min-w-0 flex-1 truncate">{{ item.name }}</span>
            @if (item.detail) {
              <span class="text-xs text-muted">{{ item.detail }}</span>
            }
            @if (item.code) {
              <code class="text-xs text-muted">{{ item.code }}</code>
            }
          </label>
        </li>
      }
    </ul>
  `,
})
export class CheckList<T extends string = string> {
  readonly items = input.required<readonly CheckItem<T>[]>();
  readonly value = model<T[]>([]);
  readonly disabled = input(false);
  /** Each box's test id is this followed by its item's id. */
  readonly testIdPrefix = input<string | null>(null);

  /** The ticked ids keep the rows' order (ids no row shows stay first), so a request never differs by order alone. */
  protected toggle(id: T): void {
    const ticked = this.value().includes(id) ? this.value().filter((other) => other !== id) : [...this.value(), id];
    const rank = (other: T) => this.items().findIndex((item) => item.id === other);
    this.value.set(ticked.sort((a, b) => rank(a) - rank(b)));
  }
}

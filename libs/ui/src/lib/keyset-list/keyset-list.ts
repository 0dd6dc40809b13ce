import { DestroyRef, computed, effect, inject, signal, untracked, type Signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, catchError, map, of, switchMap, type Observable } from 'rxjs';

/** One page of a keyset list, as the API answers (`Page<T>` in libs/contracts). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** `more`: the first page is shown and the next one is on its way. */
export type ListState = 'loading' | 'ready' | 'error' | 'more';

export interface KeysetList<T> {
  readonly items: Signal<T[]>;
  readonly state: Signal<ListState>;
  readonly hasMore: Signal<boolean>;
  loadMore(): void;
  reload(): void;
  /** Edits the loaded rows in place (a row saved in a dialog, a new row on top). */
  update(change: (items: T[]) => T[]): void;
}

interface Request<F> {
  filters: F;
  cursor: string | undefined;
}

type Answer<T> = { cursor: string | undefined; page: KeysetPage<T> } | { cursor: string | undefined; page: null };

/**
 * A list that follows its filters: every change of `filters` starts again from the first page, and a
 * request still on its way when the next one starts is dropped (switchMap), so a slow answer to an old
 * filter never replaces the rows of the new one. The requests end with the component that created the
 * list (takeUntilDestroyed), so call it in an injection context (a field initializer).
 */
export function keysetList<F, T>(options: { filters: Signal<F>; fetch: (filters: F, cursor: string | undefined) => Observable<KeysetPage<T>> }): KeysetList<T> {
  const destroyRef = inject(DestroyRef);
  const items = signal<T[]>([]);
  const state = signal<ListState>('loading');
  const nextCursor = signal<string | null>(null);
  const requests = new Subject<Request<F>>();

  requests
    .pipe(
      switchMap(({ filters, cursor }) =>
        options.fetch(filters, cursor).pipe(
          map((page): Answer<T> => ({ cursor, page })),
          catchError(() => of<Answer<T>>({ cursor, page: null })),
        ),
      ),
      takeUntilDestroyed(destroyRef),
    )
    .subscribe(({ cursor, page }) => {
      if (!page) {
        // A failed "load more" keeps the rows already shown; the button stays to try again.
        state.set(cursor ? 'ready' : 'error');
        return;
      }
      items.update((list) => (cursor ? [...list, ...page.items] : page.items));
      nextCursor.set(page.nextCursor);
      state.set('ready');
    });

  const reload = (filters: F) => {
    items.set([]);
    nextCursor.set(null);
    state.set('loading');
    requests.next({ filters, cursor: undefined });
  };

  effect(() => {
    const filters = options.filters();
    untracked(() => reload(filters));
  });

  return {
    items: items.asReadonly(),
    state: state.asReadonly(),
    hasMore: computed(() => nextCursor() !== null),
    loadMore: () => {
      const cursor = nextCursor();
      if (!cursor || state() !== 'ready') return;
      state.set('more');
      requests.next({ filters: options.filters(), cursor });
    },
    reload: () => reload(options.filters()),
    update: (change) => items.update(change),
  };
}

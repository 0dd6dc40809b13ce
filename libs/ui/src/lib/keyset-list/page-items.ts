import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, type Observable } from 'rxjs';
import type { KeysetPage } from './keyset-list';

/**
 * The items of one page loaded once for a filter's options (teams, agents, tenants): none while it
 * loads, when it fails or when `source` is null (the user may not filter by it). The request ends
 * with the component; call it in an injection context.
 */
export function pageItems<T>(source: Observable<KeysetPage<T>> | null): Signal<T[]> {
  const items = source
    ? source.pipe(
        map((page) => page.items),
        catchError(() => of<T[]>([])),
      )
    : of<T[]>([]);
  return toSignal(items, { initialValue: [] });
}

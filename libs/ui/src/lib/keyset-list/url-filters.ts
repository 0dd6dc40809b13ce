import { computed, inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, type ParamMap } from '@angular/router';

export type QueryPatch = Record<string, string | number | boolean | null | undefined>;

export interface UrlFilters<F> {
  /** The filters as the page reads them from the URL. */
  readonly value: Signal<F>;
  readonly params: Signal<ParamMap>;
  /** Merges into the query string; an empty value removes its key. */
  set(patch: QueryPatch): void;
}

/**
 * The list's filters live in the query string, so a reload, the back button or a shared link shows
 * the same list. Call it in an injection context. `replaceUrl` keeps each change out of the history
 * (a screen whose filters are a view setting rather than a list the user steps through).
 */
export function urlFilters<F>(parse: (params: ParamMap) => F, { replaceUrl = false }: { replaceUrl?: boolean } = {}): UrlFilters<F> {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const params = toSignal(route.queryParamMap, { requireSync: true });
  // An unrelated change of the URL (a dialog's `open` key) gives equal filters, so the list does not refetch.
  const value = computed(() => parse(params()), { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  return {
    value,
    params,
    set: (patch) => {
      const queryParams = Object.fromEntries(Object.entries(patch).map(([key, v]) => [key, v === '' || v === undefined ? null : v]));
      void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge', replaceUrl });
    },
  };
}

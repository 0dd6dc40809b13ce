import { Injectable, inject } from '@angular/core';
import { CatalogApi, DashboardApi } from '@fasto/api-client';
import { Role, type DashboardSlice } from '@fasto/contracts';
import { catchError, forkJoin, map, of, type Observable } from 'rxjs';

export interface FilterOption {
  id: string;
  name: string;
  /** The funnel or origin group, when the list mixes several. */
  group: string | null;
}

export interface FilterOptions {
  stages: FilterOption[];
  origins: FilterOption[];
}

const NONE: FilterOptions = { stages: [], origins: [] };

/**
 * Stages and origins the list can be filtered by: the whole catalog for admins; for managers and
 * agents (who may not read the catalog, SPEC §2) the ones their dashboard counts.
 */
@Injectable({ providedIn: 'root' })
export class AttendanceFilterOptions {
  private readonly catalog = inject(CatalogApi);
  private readonly dashboard = inject(DashboardApi);

  for(role: Role): Observable<FilterOptions> {
    if (role === Role.Admin) {
      return forkJoin([this.catalog.funnels({ limit: 200 }), this.catalog.originGroups({ limit: 200 })]).pipe(
        map(([funnels, groups]) => ({
          stages: funnels.items.flatMap((funnel) => funnel.stages.map((stage) => ({ id: stage.id, name: stage.name, group: funnel.name }))),
          origins: groups.items.flatMap((group) => group.items.map((item) => ({ id: item.id, name: item.name, group: group.name }))),
        })),
        catchError(() => of(NONE)),
      );
    }
    // The others bucket (`id: null`, unnamed) is no filter.
    const own = (slices: DashboardSlice[]) =>
      slices.flatMap((slice) => (slice.id === null || slice.name === null ? [] : [{ id: slice.id, name: slice.name, group: null }]));
    return this.dashboard.get({}).pipe(
      map((data) => ({ stages: own(data.byStage), origins: own(data.byOrigin) })),
      catchError(() => of(NONE)),
    );
  }
}

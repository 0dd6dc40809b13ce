import { Injectable, inject } from '@angular/core';
import { CatalogApi, DashboardApi } from '@fasto/api-client';
import { Role, type AttendanceDetail, type DashboardSlice } from '@fasto/contracts';
import { catchError, forkJoin, map, of, type Observable } from 'rxjs';

export interface EditOption {
  id: string;
  name: string;
  /** The funnel's won stage. */
  won: boolean;
}

/** One funnel or origin group. */
export interface EditGroup {
  name: string;
  options: EditOption[];
}

/**
 * The attendance's team funnel (or origin group) first; the tenant's others apart, since an entry
 * from them counts in the others bucket on that team's dashboard.
 */
export interface EditList {
  home: EditGroup | null;
  elsewhere: EditGroup[];
}

export interface EditOptions {
  stages: EditList;
  origins: EditList;
}

export const NO_EDIT_OPTIONS: EditOptions = { stages: { home: null, elsewhere: [] }, origins: { home: null, elsewhere: [] } };

interface CatalogGroup {
  name: string;
  teams: { id: string }[];
  entries: { id: string; name: string; isWon?: boolean }[];
}

/** Splits the tenant's funnels (or origin groups) into the team's own and the rest. */
export function splitByTeam(groups: CatalogGroup[], teamId: string | null): EditList {
  const toGroup = (group: CatalogGroup): EditGroup => ({
    name: group.name,
    options: group.entries.map((entry) => ({ id: entry.id, name: entry.name, won: entry.isWon === true })),
  });
  const home = teamId ? groups.find((group) => group.teams.some((team) => team.id === teamId)) : undefined;
  return { home: home ? toGroup(home) : null, elsewhere: groups.filter((group) => group !== home).map(toGroup) };
}

/**
 * Stages and origins an attendance may be moved to. Admins read the catalog; managers may not
 * (SPEC §2), so they get their team's entries from the dashboard, which lists them by team.
 */
@Injectable({ providedIn: 'root' })
export class AttendanceEditOptions {
  private readonly catalog = inject(CatalogApi);
  private readonly dashboard = inject(DashboardApi);

  for(role: Role, attendance: AttendanceDetail): Observable<EditOptions> {
    const teamId = attendance.team?.id ?? null;
    if (role === Role.Admin) {
      return forkJoin([this.catalog.funnels({ limit: 200 }), this.catalog.originGroups({ limit: 200 })]).pipe(
        map(([funnels, groups]) => ({
          stages: splitByTeam(
            funnels.items.map((funnel) => ({ name: funnel.name, teams: funnel.teams, entries: funnel.stages })),
            teamId,
          ),
          origins: splitByTeam(
            groups.items.map((group) => ({ name: group.name, teams: group.teams, entries: group.items })),
            teamId,
          ),
        })),
        catchError(() => of(NO_EDIT_OPTIONS)),
      );
    }
    if (role === Role.Manager && attendance.team) {
      const day = attendance.attendedAt.slice(0, 10);
      // The others bucket (`id: null`, unnamed) is not an entry one can pick.
      const own = (slices: DashboardSlice[]): EditGroup => ({
        name: '',
        options: slices.flatMap((slice) => (slice.id === null || slice.name === null ? [] : [{ id: slice.id, name: slice.name, won: slice.won === true }])),
      });
      return this.dashboard.get({ teamId: attendance.team.id, from: day, to: day }).pipe(
        map((data) => ({ stages: { home: own(data.byStage), elsewhere: [] }, origins: { home: own(data.byOrigin), elsewhere: [] } })),
        catchError(() => of(NO_EDIT_OPTIONS)),
      );
    }
    return of(NO_EDIT_OPTIONS);
  }
}

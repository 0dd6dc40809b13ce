import { Injectable, inject } from '@angular/core';
import { CatalogApi, DashboardApi } from '@fasto/api-client';
import { Role, type AttendanceDetail } from '@fasto/contracts';
import { catchError, forkJoin, map, of, type Observable } from 'rxjs';

export interface EditOption {
  id: string;
  name: string;
  group: string | null;
}

export interface EditOptions {
  stages: EditOption[];
  origins: EditOption[];
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
    const empty: EditOptions = { stages: [], origins: [] };
    if (role === Role.Admin) {
      return forkJoin([this.catalog.funnels({ limit: 200 }), this.catalog.originGroups({ limit: 200 })]).pipe(
        map(([funnels, groups]) => ({
          stages: funnels.items.flatMap((funnel) => funnel.stages.map((stage) => ({ id: stage.id, name: stage.name, group: funnel.name }))),
          origins: groups.items.flatMap((group) => group.items.map((item) => ({ id: item.id, name: item.name, group: group.name }))),
        })),
        catchError(() => of(empty)),
      );
    }
    if (role === Role.Manager && attendance.team) {
      const day = attendance.attendedAt.slice(0, 10);
      return this.dashboard.get({ teamId: attendance.team.id, from: day, to: day }).pipe(
        map((data) => ({
          stages: data.byStage.filter((slice) => slice.id !== null).map((slice) => ({ id: slice.id as string, name: slice.name, group: null })),
          origins: data.byOrigin.filter((slice) => slice.id !== null).map((slice) => ({ id: slice.id as string, name: slice.name, group: null })),
        })),
        catchError(() => of(empty)),
      );
    }
    return of(empty);
  }
}

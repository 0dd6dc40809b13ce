import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateGoalRequest, GoalProgressQuery, GoalProgressResponse, GoalView, UpdateGoalRequest } from '@fasto/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

/** Goals (admins: any; managers: their team and its agents) and their progress, scoped like the dashboard. */
@Injectable({ providedIn: 'root' })
export class GoalsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/goals`;

  list(): Observable<{ items: GoalView[] }> {
    return this.http.get<{ items: GoalView[] }>(this.base);
  }

  /** A second goal for the same scope, metric and period answers 409 `GOAL_EXISTS`. */
  create(request: CreateGoalRequest): Observable<GoalView> {
    return this.http.post<GoalView>(this.base, request);
  }

  update(id: string, request: UpdateGoalRequest): Observable<GoalView> {
    return this.http.patch<GoalView>(`${this.base}/${id}`, request);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/${id}`);
  }

  progress(query: GoalProgressQuery = {}): Observable<GoalProgressResponse> {
    return this.http.get<GoalProgressResponse>(`${this.base}/progress`, { params: toHttpParams(query) });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendanceDetail,
  AttendanceExportFormat,
  AttendanceFilters,
  AttendanceListItem,
  AttendanceListQuery,
  Page,
  SupportedLocale,
  UpdateAttendanceRequest,
} from '@fasto/contracts';
import { map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { toHttpParams } from './query-params';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** `/api/attendances`: the keyset-paged list, one attendance, corrections and exports. */
@Injectable({ providedIn: 'root' })
export class AttendancesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(API_BASE_URL)}/attendances`;

  list(query: AttendanceListQuery = {}): Observable<Page<AttendanceListItem>> {
    return this.http.get<Page<AttendanceListItem>>(this.base, { params: toHttpParams(query) });
  }

  get(id: string): Observable<AttendanceDetail> {
    return this.http.get<AttendanceDetail>(`${this.base}/${encodeURIComponent(id)}`);
  }

  update(id: string, request: UpdateAttendanceRequest): Observable<AttendanceDetail> {
    return this.http.patch<AttendanceDetail>(`${this.base}/${encodeURIComponent(id)}`, request);
  }

  /** Fetched through HttpClient (not a link) so the interceptor adds the token; the page saves the blob. */
  export(filters: AttendanceFilters, format: AttendanceExportFormat, lang?: SupportedLocale): Observable<DownloadedFile> {
    return this.http
      .get(`${this.base}/export`, { params: toHttpParams({ ...filters, format, ...(lang ? { lang } : {}) }), responseType: 'blob', observe: 'response' })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: fileNameFrom(response.headers.get('content-disposition')) ?? `atendimentos.${format}`,
        })),
      );
  }
}

function fileNameFrom(disposition: string | null): string | null {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  return match ? match[1] : null;
}

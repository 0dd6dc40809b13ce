import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  HEADERS,
  TvStreamEvent,
  type CreatedTvLink,
  type CreateTvLinkRequest,
  type Page,
  type TvBoard,
  type TvBoardSale,
  type TvLinkView,
  type TvPeriod,
} from '@fasto/contracts';
import { filter, map, type Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { AuthSession } from './auth-session';
import { toHttpParams } from './query-params';
import { eventStream } from './event-stream';

/** Raised when the ticker cannot be opened or ends (revoked link, expired token, network). */
export class TvStreamError extends Error {
  constructor(readonly status: number) {
    super(`TV ticker unavailable (${status})`);
  }
}

/** `/api/tv-links` (admins) and `/api/tv/*` (a TV link's token in its header, or the signed-in user). */
@Injectable({ providedIn: 'root' })
export class TvApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(AuthSession);
  private readonly base = inject(API_BASE_URL);

  links(): Observable<Page<TvLinkView>> {
    return this.http.get<Page<TvLinkView>>(`${this.base}/tv-links`);
  }

  /** The answer's `token` is the only time it is shown. */
  createLink(request: CreateTvLinkRequest): Observable<CreatedTvLink> {
    return this.http.post<CreatedTvLink>(`${this.base}/tv-links`, request);
  }

  revokeLink(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/tv-links/${encodeURIComponent(id)}`);
  }

  /** The board; `tvToken` goes in its header (never the URL), else the session's bearer is used. */
  board(period: TvPeriod, tvToken: string | null): Observable<TvBoard> {
    const headers = tvToken ? new HttpHeaders({ [HEADERS.tvToken]: tvToken }) : undefined;
    return this.http.get<TvBoard>(`${this.base}/tv/board`, { params: toHttpParams({ period }), headers });
  }

  /**
   * The closed-sales ticker (SSE), read with fetch because EventSource cannot send headers.
   * Completes when the server ends it; errors with TvStreamError when refused or cut.
   */
  stream(period: TvPeriod, tvToken: string | null): Observable<TvBoardSale> {
    const bearer = this.session.accessToken();
    const credential: Record<string, string> = tvToken ? { [HEADERS.tvToken]: tvToken } : bearer ? { authorization: `Bearer ${bearer}` } : {};
    return eventStream(`${this.base}/tv/stream?period=${period}`, credential, (status) => new TvStreamError(status)).pipe(
      map((message) => (message.event === TvStreamEvent.Sale ? parseSale(message.data) : null)),
      filter((sale): sale is TvBoardSale => sale !== null),
    );
  }
}

/** A malformed event is dropped; the next board refresh lists the sale anyway. */
function parseSale(data: string): TvBoardSale | null {
  try {
    return JSON.parse(data) as TvBoardSale;
  } catch {
    return null;
  }
}

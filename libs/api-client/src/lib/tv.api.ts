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
import { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';
import { AuthSession } from './auth-session';
import { toHttpParams } from './query-params';
import { SseParser } from './sse-parser';

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
    return new Observable<TvBoardSale>((subscriber) => {
      const abort = new AbortController();
      const bearer = this.session.accessToken();
      const credential: Record<string, string> = tvToken ? { [HEADERS.tvToken]: tvToken } : bearer ? { authorization: `Bearer ${bearer}` } : {};
      const read = async () => {
        const response = await fetch(`${this.base}/tv/stream?period=${period}`, { headers: { accept: 'text/event-stream', ...credential }, signal: abort.signal });
        if (!response.ok || !response.body) throw new TvStreamError(response.status);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parser = new SseParser();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            if (message.event !== TvStreamEvent.Sale) continue;
            try {
              subscriber.next(JSON.parse(message.data) as TvBoardSale);
            } catch {
              // A malformed event is dropped; the next board refresh lists the sale anyway.
            }
          }
        }
        subscriber.complete();
      };
      read().catch((error: unknown) => {
        if (!abort.signal.aborted) subscriber.error(error instanceof TvStreamError ? error : new TvStreamError(0));
      });
      return () => abort.abort();
    });
  }
}

import { Observable } from 'rxjs';
import { SseParser, type SseMessage } from './sse-parser';

/**
 * A text/event-stream read with fetch, because EventSource cannot send headers. Completes when the
 * server ends it; errors with `failure(status)` when refused (status) or cut (0).
 */
export function eventStream(url: string, headers: Record<string, string>, failure: (status: number) => Error): Observable<SseMessage> {
  return new Observable<SseMessage>((subscriber) => {
    const abort = new AbortController();
    const read = async () => {
      const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
      if (!response.ok || !response.body) throw failure(response.status);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(value)) subscriber.next(message);
      }
      subscriber.complete();
    };
    read().catch((error: unknown) => {
      if (!abort.signal.aborted) subscriber.error(error instanceof Error && 'status' in error ? error : failure(0));
    });
    return () => abort.abort();
  });
}

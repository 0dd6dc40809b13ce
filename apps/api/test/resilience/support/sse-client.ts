import { get, type ClientRequest } from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface SseClient {
  status: Promise<number>;
  events: SseEvent[];
  /** The first event matching `predicate`, already received or to come. */
  next(predicate: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** Reads `text/event-stream` frames from a running API process. */
export function openSse(baseUrl: string, path: string, authorization: string): SseClient {
  const events: SseEvent[] = [];
  const waiters: { predicate: (event: SseEvent) => boolean; resolve: (event: SseEvent) => void }[] = [];
  let resolveStatus!: (status: number) => void;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const receive = (frame: string) => {
    const lines = frame.split('\n');
    const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
    const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
    if (!event || data === undefined) return;
    const parsed = { event, data: JSON.parse(data) as unknown, at: Date.now() };
    events.push(parsed);
    for (const waiter of waiters.filter((candidate) => candidate.predicate(parsed))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(parsed);
    }
  };
  const request: ClientRequest = get(`${baseUrl}${path}`, { headers: { authorization }, agent: false }, (response) => {
    resolveStatus(response.statusCode ?? 0);
    let buffered = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffered += chunk;
      for (let boundary = buffered.indexOf('\n\n'); boundary >= 0; boundary = buffered.indexOf('\n\n')) {
        receive(buffered.slice(0, boundary));
        buffered = buffered.slice(boundary + 2);
      }
    });
  });
  request.on('error', () => resolveStatus(0));
  return {
    status,
    events,
    next(predicate, timeoutMs = 5000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
        waiters.push({
          predicate,
          resolve: (event) => {
            clearTimeout(timer);
            resolve(event);
          },
        });
      });
    },
    close: () => request.destroy(),
  };
}

import { get, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

export interface StreamEvent {
  event: string;
  data: unknown;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface EventStreamClient {
  status: Promise<number>;
  events: StreamEvent[];
  /** Resolves with the first event matching `predicate` (already received or to come). */
  next(predicate: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Reads `text/event-stream` frames off the test app's own server (started on a real port for it); `credential` is a bearer header or headers. */
export function openEventStream(t: TestApp, path: string, credential: string | Record<string, string>): EventStreamClient {
  const server = t.app.getHttpServer();
  // supertest would hold its ephemeral server open behind a stream: listen for real instead.
  const listening = server.listening ? Promise.resolve() : t.app.listen(0, '127.0.0.1').then(() => undefined);
  return openEventStreamAt(
    listening.then(() => `http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    path,
    credential,
  );
}

/** Reads `text/event-stream` frames off a request that never finishes by itself. */
export function openEventStreamAt(baseUrl: string | Promise<string>, path: string, credential: string | Record<string, string>): EventStreamClient {
  const headers = typeof credential === 'string' ? { authorization: credential } : credential;
  const events: StreamEvent[] = [];
  const waiters: { predicate: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];
  let response: IncomingMessage | undefined;
  let clientRequest: ClientRequest | undefined;
  let resolveStatus!: (status: number) => void;
  let resolveEnded!: () => void;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));

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

  void Promise.resolve(baseUrl).then((base) => {
    const request = get(`${base}${path}`, { headers, agent: false }, (res) => {
      response = res;
      resolveStatus(res.statusCode ?? 0);
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let boundary = buffered.indexOf('\n\n');
        while (boundary >= 0) {
          receive(buffered.slice(0, boundary));
          buffered = buffered.slice(boundary + 2);
          boundary = buffered.indexOf('\n\n');
        }
      });
      res.on('close', () => resolveEnded());
    });
    request.on('error', () => resolveEnded());
    clientRequest = request;
  });

  return {
    status,
    events,
    ended,
    next(predicate, timeoutMs = 3000) {
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
    close: () => {
      response?.destroy();
      clientRequest?.destroy();
    },
  };
}

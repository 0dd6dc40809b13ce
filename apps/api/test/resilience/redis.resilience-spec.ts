import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';
import { bearerFor, call, demoApiKey, DEMO_PASSWORD, startApiProcess, type ApiProcess } from './support/api-process';
import { PrivateRedis } from './support/private-redis';
import { openEventStreamAt, type EventStreamClient } from '../support/event-stream';

const SERVER_URL = process.env['MULTI_INSTANCE_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Readiness {
  status: string;
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string }>;
}

const redisState = async (api: ApiProcess): Promise<string | undefined> => {
  const body = (await call(api.baseUrl, '/api/health/ready')).body as Readiness;
  return body.info?.['redis']?.status ?? body.error?.['redis']?.status;
};

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(25);
  }
  return Date.now() - started;
}

/** A converted attendance of the demo agent: its manager gets one notification. */
const ingest = (api: ApiProcess, key: string) =>
  call(api.baseUrl, '/api/integration/attendances', {
    method: 'POST',
    headers: { 'x-api-key': key },
    body: { external_id: `redis-${randomUUID()}`, agent_email: 'agent@demo.fasto.app', converted: true, sale_value: 10, attended_at: new Date().toISOString() },
  });

/**
 * QUALITY reliability 4 and 7, security 22 with REDIS_URL set: two built API processes on one
 * MariaDB database and a private Redis (so it can be stopped without touching the shared one).
 * The stream sweep and the principal cache are set far longer than the bounds asserted, so only
 * Redis can meet them.
 */
describe('two API instances with Redis', () => {
  const database = `fasto_redis_${randomUUID().slice(0, 8)}`;
  const prefix = `fasto-resilience:${randomUUID()}:`;
  let redis: PrivateRedis;
  let a: ApiProcess;
  let b: ApiProcess;
  let demoKey: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    const admin = await createConnection(SERVER_URL);
    await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: prefix,
      API_KEY_RATE_LIMIT_PER_MINUTE: '10',
      NOTIFICATION_STREAM_SWEEP_MS: '30000',
      PRINCIPAL_CACHE_MS: '10000',
    };
    // One after the other: the first migrates and seeds.
    a = await startApiProcess(`${SERVER_URL}/${database}`, env);
    b = await startApiProcess(`${SERVER_URL}/${database}`, env);
    for (const api of [a, b]) await until('Redis ready', async () => (await redisState(api)) === 'up', 10_000);
    demoKey = await demoApiKey(a.baseUrl);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    const admin = await createConnection(SERVER_URL);
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.end();
  });

  /** Opens the manager's stream on `api` and resolves once its first count arrived. */
  async function managerStream(api: ApiProcess): Promise<EventStreamClient> {
    const stream = openEventStreamAt(api.baseUrl, '/api/notifications/stream', await bearerFor(api.baseUrl, 'manager@demo.fasto.app'));
    expect(await stream.status).toBe(200);
    await stream.next((event) => event.event === 'unread-count');
    return stream;
  }

  /** Ingests on A and answers how long B's stream took to push the notification (from A's answer). */
  async function fanOutMs(stream: EventStreamClient): Promise<number> {
    const seen = stream.events.length;
    const ingested = await ingest(a, demoKey);
    expect(ingested.status).toBe(201);
    const answeredAt = Date.now();
    const pushed = await stream.next((event) => event.event === 'notification' && stream.events.indexOf(event) >= seen, 5000);
    return pushed.at - answeredAt;
  }

  it('pushes a notification ingested on A to an SSE client on B within 1 s', async () => {
    const stream = await managerStream(b);
    try {
      expect(await fanOutMs(stream)).toBeLessThan(1000);
    } finally {
      stream.close();
    }
  });

  it('refuses on B, within 1 s, an access token whose session was signed out on A', async () => {
    const login = await call(a.baseUrl, '/api/auth/login', { method: 'POST', body: { email: 'agent@demo.fasto.app', password: DEMO_PASSWORD } });
    expect(login.status).toBe(200);
    const authorization = `Bearer ${(login.body as { accessToken: string }).accessToken}`;
    // B keeps the principal (and its live sessions) for PRINCIPAL_CACHE_MS once it has seen it.
    expect((await call(b.baseUrl, '/api/auth/me', { headers: { authorization } })).status).toBe(200);
    const sessions = await call(a.baseUrl, '/api/auth/sessions', { headers: { authorization } });
    const current = (sessions.body as { items: { id: string; current: boolean }[] }).items.find((session) => session.current);
    expect(current).toBeDefined();
    expect((await call(a.baseUrl, `/api/auth/sessions/${current?.id}`, { method: 'DELETE', headers: { authorization } })).status).toBe(204);
    const tookMs = await until('refused on B', async () => (await call(b.baseUrl, '/api/auth/me', { headers: { authorization } })).status === 401, 5000);
    expect(tookMs).toBeLessThan(1000);
  });

  it('adds up the rate limit of a key across both, counted in Redis', async () => {
    const key = await demoApiKey(a.baseUrl);
    const statuses: number[] = [];
    for (let index = 0; index < 12; index++) {
      statuses.push((await call(index % 2 === 0 ? a.baseUrl : b.baseUrl, '/api/integration/users', { headers: { 'x-api-key': key } })).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const connection = await createConnection(`${SERVER_URL}/${database}`);
    const client = new Redis(redis.url);
    try {
      const [rows] = await connection.query("SELECT COUNT(*) AS n FROM rate_limit_counters WHERE bucket LIKE 'api:key:%'");
      expect(Number((rows as { n: number }[])[0].n)).toBe(0);
      // At least this key's bucket (a bucket's key lives only until it is full again).
      expect((await client.keys(`${prefix}rate:api:key:*`)).length).toBeGreaterThanOrEqual(1);
    } finally {
      client.disconnect();
      await connection.end();
    }
  });

  it('keeps serving without a 500 while Redis is down, says so in readiness, and recovers when it is back', async () => {
    const key = await demoApiKey(a.baseUrl);
    const manager = await bearerFor(b.baseUrl, 'manager@demo.fasto.app');
    await redis.stop();
    const statuses: number[] = [];
    const started = Date.now();
    while (Date.now() - started < 3000) {
      for (const api of [a, b]) {
        const answers = await Promise.all([
          call(api.baseUrl, '/api/health/ready'),
          call(api.baseUrl, '/api/integration/users', { headers: { 'x-api-key': key } }),
          call(api.baseUrl, '/api/notifications/unread-count', { headers: { authorization: manager } }),
          call(api.baseUrl, '/api/auth/login', { method: 'POST', body: { email: 'nobody@demo.fasto.app', password: 'wrong password 123' } }),
          ingest(api, demoKey),
        ]);
        statuses.push(...answers.map((answer) => answer.status));
      }
    }
    expect(statuses.filter((status) => status === 0 || status >= 500)).toEqual([]);
    // The per-key limit still holds (through the database).
    expect(statuses).toContain(429);
    for (const api of [a, b]) {
      const ready = await call(api.baseUrl, '/api/health/ready');
      expect(ready.status).toBe(200);
      expect(await redisState(api)).toBe('down');
    }

    await redis.resume();
    for (const api of [a, b]) await until('Redis back in readiness', async () => (await redisState(api)) === 'up', 10_000);
    // The subscription is back too: fan-out is live again without a restart.
    await sleep(500);
    const stream = await managerStream(b);
    try {
      expect(await fanOutMs(stream)).toBeLessThan(1000);
    } finally {
      stream.close();
    }
  }, 60_000);
});

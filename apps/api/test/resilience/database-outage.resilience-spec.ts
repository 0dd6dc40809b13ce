import { apiKeyHeader, bearerFor, call, demoApiKey, isCleanErrorBody, startApiProcess, type ApiProcess, type HttpResult } from './support/api-process';
import { PrivateMariaDb } from './support/private-mariadb';

type Kind = 'health' | 'ready' | 'dashboard' | 'list' | 'ingest' | 'login';
/** SIGTERM is a clean shutdown, SIGKILL a crash (both come back with a restart); SIGSTOP freezes the server (SIGCONT resumes it). */
type Disruption = 'SIGTERM' | 'SIGKILL' | 'SIGSTOP';
type Phase = 'before' | 'stopping' | 'outage' | 'recovering' | 'after';
interface Sample extends HttpResult {
  kind: Kind;
  phase: Phase;
  externalId?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Longest any request may take, outage or not: a hung request is a failure, not a slow success. */
const MAX_REQUEST_MS = 5000;

/**
 * QUALITY Reliability 1 and 7: the real built API under load while its MariaDB stops (or freezes)
 * and comes back. Requests answer 2xx or a clean 503 within 5 s, never hang (a frozen server too:
 * the statement bound of core/database/bounded-statements.ts), liveness stays up, readiness
 * follows the database, the app recovers by itself, and every ingest that answered 2xx is in the database.
 */
describe('database outage under load (built API, private MariaDB)', () => {
  let db: PrivateMariaDb;
  let api: ApiProcess;
  let agent: string;
  let apiKey: string;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.start();
    const setup = await db.connect();
    await setup.query('CREATE DATABASE fasto CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await setup.end();
    api = await startApiProcess(db.url('fasto'));
    agent = await bearerFor(api.baseUrl, 'agent@demo.fasto.app');
    apiKey = await demoApiKey(api.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  it.each<Disruption>(['SIGTERM', 'SIGKILL', 'SIGSTOP'])(
    'serves 2xx or clean 503s within 5 s while MariaDB is stopped with %s, and recovers without a restart of the API',
    async (signal) => {
      const samples: Sample[] = [];
      let phase: Phase = 'before';
      let running = true;
      let sequence = 0;
      const requests: Record<Kind, () => Promise<Sample>> = {
        health: async () => ({ ...(await call(api.baseUrl, '/api/health')), kind: 'health', phase }),
        ready: async () => ({ ...(await call(api.baseUrl, '/api/health/ready')), kind: 'ready', phase }),
        dashboard: async () => ({ ...(await call(api.baseUrl, '/api/dashboard', { headers: { authorization: agent } })), kind: 'dashboard', phase }),
        list: async () => ({ ...(await call(api.baseUrl, '/api/attendances?limit=20', { headers: { authorization: agent } })), kind: 'list', phase }),
        login: async () => ({
          ...(await call(api.baseUrl, '/api/auth/login', {
            method: 'POST',
            body: { email: 'manager@demo.fasto.app', password: 'Fasto@2026!demo-resilience' },
          })),
          kind: 'login',
          phase,
        }),
        ingest: async () => {
          const externalId = `outage-${signal}-${++sequence}`;
          const body = { external_id: externalId, agent_email: 'agent@demo.fasto.app', attended_at: new Date().toISOString(), score: 7 };
          const result = await call(api.baseUrl, '/api/integration/attendances', { method: 'POST', headers: apiKeyHeader(apiKey), body });
          return { ...result, kind: 'ingest', phase, externalId };
        },
      };
      const worker = async (kind: Kind, pauseMs: number) => {
        while (running) {
          const startedIn = phase;
          const sample = await requests[kind]();
          // A request that straddles a phase change is judged by the laxer of its two phases
          // (sample.phase is the phase it ended in; only 'before' can end in a laxer one).
          samples.push({ ...sample, phase: startedIn === 'before' ? sample.phase : startedIn });
          await sleep(pauseMs);
        }
      };
      const workers = [
        worker('health', 20),
        worker('ready', 100),
        worker('dashboard', 50),
        worker('list', 0),
        worker('list', 10),
        worker('ingest', 0),
        worker('ingest', 0),
        worker('ingest', 10),
        worker('login', 200),
      ];

      await sleep(2000);
      phase = 'stopping';
      if (signal === 'SIGSTOP') db.freeze();
      else await db.stop(signal);
      // Let the requests that were already running when the server went away come back.
      await sleep(MAX_REQUEST_MS / 5);
      phase = 'outage';
      await sleep(5000);
      phase = 'recovering';
      // The requests that started during the outage all end before the database is back, so none
      // of them can be answered by a server that resumed (a frozen one carries on where it stopped).
      await sleep(MAX_REQUEST_MS);
      const restartedAt = Date.now();
      if (signal === 'SIGSTOP') db.thaw();
      else await db.start();
      let readyAfterMs = -1;
      while (Date.now() - restartedAt < 20_000) {
        if ((await call(api.baseUrl, '/api/health/ready')).status === 200) {
          readyAfterMs = Date.now() - restartedAt;
          break;
        }
        await sleep(100);
      }
      await sleep(1000);
      phase = 'after';
      await sleep(3000);
      running = false;
      await Promise.all(workers);

      // Failures are listed grouped (phase, route, answer) with a count and the slowest time, to stay readable.
      const describeSample = (sample: Sample) => `${sample.phase} ${sample.kind} ${sample.error ?? sample.status} ${sample.text.slice(0, 160)}`;
      const grouped = (list: Sample[]) => {
        const groups = new Map<string, { count: number; slowestMs: number }>();
        for (const sample of list) {
          const group = groups.get(describeSample(sample)) ?? { count: 0, slowestMs: 0 };
          groups.set(describeSample(sample), { count: group.count + 1, slowestMs: Math.max(group.slowestMs, sample.ms) });
        }
        return [...groups].map(([line, group]) => `${group.count}× ${line} (slowest ${group.slowestMs} ms)`);
      };
      const of = (kind: Kind, inPhase: Phase) => samples.filter((sample) => sample.kind === kind && sample.phase === inPhase);

      expect(readyAfterMs).toBeGreaterThanOrEqual(0);
      // Never a hang, never a dropped connection: every request got an HTTP answer, quickly.
      expect(grouped(samples.filter((sample) => sample.error || sample.ms > MAX_REQUEST_MS))).toEqual([]);
      // Only success or a clean 503 (error shape, no stack/SQL), whatever the phase.
      expect(grouped(samples.filter((sample) => !(sample.status < 300 || (sample.status === 503 && isCleanErrorBody(sample, 503)))))).toEqual([]);
      // With the database up, everything succeeds.
      expect(grouped(samples.filter((sample) => (sample.phase === 'before' || sample.phase === 'after') && sample.status >= 300))).toEqual([]);
      // Liveness never depends on the database.
      expect(grouped(samples.filter((sample) => sample.kind === 'health' && sample.status !== 200))).toEqual([]);
      // While it is down: readiness reports it and the database routes answer 503.
      // (Against a frozen server each probe waits out its 1 s ping timeout: about five in the 5 s outage.)
      expect(of('ready', 'outage').length).toBeGreaterThanOrEqual(3);
      expect(grouped(of('ready', 'outage').filter((sample) => sample.status !== 503))).toEqual([]);
      for (const kind of ['dashboard', 'list', 'ingest', 'login'] as const) {
        expect({ kind, outage: of(kind, 'outage').length > 0 && of(kind, 'outage').every((sample) => sample.status === 503) }).toEqual({ kind, outage: true });
        expect({ kind, servedAfter: of(kind, 'after').length > 0 }).toEqual({ kind, servedAfter: true });
      }

      // Nothing accepted is lost: every ingest that answered 2xx is in the database.
      const accepted = samples.filter((sample) => sample.kind === 'ingest' && sample.status < 300).map((sample) => sample.externalId!);
      expect(accepted.length).toBeGreaterThan(10);
      const check = await db.connect('fasto');
      const [rows] = await check.query('SELECT external_id AS externalId FROM attendances WHERE external_id IN (?)', [accepted]);
      await check.end();
      const stored = new Set((rows as { externalId: string }[]).map((row) => row.externalId));
      expect(accepted.filter((externalId) => !stored.has(externalId))).toEqual([]);
      process.stdout.write(
        `outage ${signal}: ${samples.length} requests, ${accepted.length} ingests accepted, ready ${readyAfterMs} ms after restart, ` +
          `slowest ${(['health', 'ready', 'dashboard', 'list', 'ingest', 'login'] as const).map((kind) => `${kind} ${Math.max(0, ...samples.filter((s) => s.kind === kind).map((s) => s.ms))} ms`).join(', ')}\n`,
      );
    },
    90_000,
  );
});

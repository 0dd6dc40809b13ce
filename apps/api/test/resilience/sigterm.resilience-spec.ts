import { bearerFor, call, startApiProcess, type ApiProcess, type HttpResult } from './support/api-process';
import { PrivateMariaDb } from './support/private-mariadb';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Concurrent full exports of Demo's seeded attendances: each takes seconds, so they overlap the signal. */
const EXPORTS = 3;

/**
 * QUALITY Reliability 2: SIGTERM while slow requests (full exports) are in flight. Readiness
 * stops answering 200 at once, new connections are refused or get 503, every in-flight export
 * completes with 200 and all its rows, and the process exits 0.
 */
describe('SIGTERM with requests in flight (built API, private MariaDB)', () => {
  let db: PrivateMariaDb;
  let api: ApiProcess;
  let admin: string;
  let expectedLines: number;

  beforeAll(async () => {
    db = await PrivateMariaDb.create();
    await db.start();
    const setup = await db.connect();
    await setup.query('CREATE DATABASE fasto CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await setup.end();
    api = await startApiProcess(db.url('fasto'));
    admin = await bearerFor(api.baseUrl, 'admin@demo.fasto.app');
    expectedLines = await demoAttendanceCount(db);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  it('drains in-flight exports, refuses new work and exits 0', async () => {
    const exportCsv = () => call(api.baseUrl, '/api/attendances/export?format=csv', { headers: { authorization: admin }, timeoutMs: 90_000 });
    // Calibrate: one export alone, so the test knows it is slow enough to overlap the signal.
    const alone = await exportCsv();
    expect(alone.status).toBe(200);
    expect(csvLines(alone)).toBe(expectedLines);

    const inFlight = Array.from({ length: EXPORTS }, () => exportCsv().then((result) => ({ ...result, endedAt: Date.now() })));
    await sleep(Math.min(300, alone.ms / 4));
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');

    const afterSignal: { path: string; result: HttpResult; sentAfterMs: number }[] = [];
    const probe = async (path: string, headers: Record<string, string> = {}) => {
      const sentAfterMs = Date.now() - signalledAt;
      afterSignal.push({ path, result: await call(api.baseUrl, path, { headers, timeoutMs: 5000 }), sentAfterMs });
    };
    let exited = false;
    void api.exit.then(() => (exited = true));
    await sleep(50);
    while (!exited && Date.now() - signalledAt < 30_000) {
      await probe('/api/health/ready');
      await probe('/api/attendances?limit=5', { authorization: admin });
      await sleep(50);
    }

    const finished = await Promise.all(inFlight);
    const exit = await api.exit;
    const exitedAfterMs = Date.now() - signalledAt;
    const lastExportAfterMs = Math.max(...finished.map((result) => result.endedAt)) - signalledAt;

    expect(exit).toEqual({ code: 0, signal: null });
    // Every in-flight export completed, whole.
    expect(finished.map((result) => ({ status: result.status, error: result.error, lines: csvLines(result) }))).toEqual(
      finished.map(() => ({ status: 200, error: undefined, lines: expectedLines })),
    );
    // Every export was still running when the signal came (otherwise this test proves nothing).
    expect(finished.filter((result) => result.endedAt <= signalledAt).length).toBe(0);
    expect(afterSignal.length).toBeGreaterThan(0);
    // Nothing new is served once the signal is in: refused, a clean 503, or (a connection accepted
    // just as the listener closed, before its request was read) reset unserved.
    const served = afterSignal.filter(({ result }) => !(result.error === 'ECONNREFUSED' || result.error === 'ECONNRESET' || result.status === 503));
    expect(served.map(({ path, result, sentAfterMs }) => `${path} +${sentAfterMs}ms: ${result.error ?? result.status} ${result.text.slice(0, 120)}`)).toEqual(
      [],
    );
    process.stdout.write(
      `sigterm: export alone ${alone.ms} ms (${expectedLines} lines), last export done ${lastExportAfterMs} ms and exit ${exitedAfterMs} ms after the signal, ${afterSignal.length} probes (${afterSignal.filter(({ result }) => result.status === 503).length} answered 503, the rest refused)\n`,
    );
  }, 150_000);
});

/** Data lines of a CSV export (header and trailing newline excluded). */
function csvLines(result: HttpResult): number {
  return result.text.split('\n').filter((line) => line.trim().length > 0).length - 1;
}

/** Demo's attendances (the seed's), i.e. the data lines a full export must have. */
async function demoAttendanceCount(db: PrivateMariaDb): Promise<number> {
  const connection = await db.connect('fasto');
  try {
    const [rows] = await connection.query(
      "SELECT COUNT(*) AS total FROM attendances a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'demo' AND a.deleted_at IS NULL",
    );
    return Number((rows as { total: number }[])[0].total);
  } finally {
    await connection.end();
  }
}

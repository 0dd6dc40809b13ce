// QUALITY Reliability 5: a mixed load (dashboard, list, ingest, unread polling) for minutes, with
// no errors and flat memory. `npm run bench:soak` (SOAK_SECONDS, default 300).
import { createRequire } from 'node:module';
import { rssMb } from './dataset.mjs';
import { cleanIngested } from './ingest.mjs';
import { round } from './load.mjs';

const autocannon = createRequire(import.meta.url)('autocannon');
const load = (options) => new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
const dayIso = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

export async function soak({ base, pid, db, tenantId, adminHeaders, managerHeaders, apiKey, seconds }) {
  const run = Date.now().toString(36);
  let posted = 0;
  // Same prefix and day as P3's items, so its clean-up removes them (rollups included).
  const item = () => ({
    external_id: `bench-p3-soak-${run}-${posted++}`,
    attended_at: '2000-01-15T12:00:00Z',
    agent_email: 'agent@demo.fasto.app',
    customer_name: 'Cliente Soak',
    score: 30 + (posted % 60),
    first_response_time_min: posted % 90,
    converted: posted % 7 === 0,
    sale_value: posted % 7 === 0 ? 100 : undefined,
  });
  const samples = [];
  const sampler = setInterval(() => samples.push(rssMb(pid)), 5_000);
  const started = Date.now();
  try {
    const [dashboard, list, ingest, unread] = await Promise.all([
      load({ url: `${base}/api/dashboard?from=${dayIso(-29)}&to=${dayIso(0)}`, connections: 2, duration: seconds, headers: adminHeaders }),
      load({ url: `${base}/api/attendances?limit=50`, connections: 2, duration: seconds, headers: adminHeaders }),
      load({
        url: `${base}/api/integration/attendances`,
        connections: 2,
        duration: seconds,
        method: 'POST',
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: JSON.stringify(item()) }) }],
      }),
      load({ url: `${base}/api/notifications/unread-count`, connections: 4, duration: seconds, headers: managerHeaders }),
    ]);
    const kinds = { dashboard, list, ingest, unread };
    const errors = Object.values(kinds).reduce((sum, result) => sum + result.errors + result.non2xx + result.timeouts, 0);
    // Memory after warm-up: the mean of the first third against the mean of the last third.
    const third = Math.max(1, Math.floor(samples.length / 3));
    const rssFirstMb = round(mean(samples.slice(0, third)));
    const rssLastMb = round(mean(samples.slice(-third)));
    return {
      seconds: round((Date.now() - started) / 1000),
      requests: Object.fromEntries(Object.entries(kinds).map(([kind, result]) => [kind, result.requests.total])),
      p95: Object.fromEntries(Object.entries(kinds).map(([kind, result]) => [kind, result.latency.p97_5])),
      errors,
      rssSamplesMb: samples,
      rssFirstMb,
      rssLastMb,
      rssGrowthMb: round(rssLastMb - rssFirstMb),
    };
  } finally {
    clearInterval(sampler);
    await cleanIngested(db, tenantId);
  }
}

// Load helpers for the benchmark: autocannon against HTTP, and a bare mysql2 replay loop.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

/** Runs autocannon and returns the figures the report needs. */
export async function http({ url, connections, seconds, headers = {} }) {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p95: percentile95(result),
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

// autocannon reports p90 and p97.5; interpolate p95 between them.
const percentile95 = (result) => Math.round((result.latency.p90 + (result.latency.p97_5 - result.latency.p90) * (5 / 7.5)) * 100) / 100;

/**
 * Replays `work` (one "request" worth of SQL) from `concurrency` workers for `seconds`,
 * measuring each iteration like autocannon measures a request.
 */
export async function replay({ work, concurrency, seconds }) {
  const latencies = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        await work();
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 100) / 100;
  return { requestsPerSecond: Math.round(latencies.length / seconds), p50: at(0.5), p95: at(0.95), p99: at(0.99), requests: latencies.length };
}

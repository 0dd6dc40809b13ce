// Load helpers for the benchmark: autocannon against HTTP, and a bare loop for anything else
// (mysql2 replays, argon2 verifies), measured the same way.
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

/**
 * Runs autocannon and returns the figures the report needs. `body` (an object) makes it a JSON
 * POST; `bodyFor(n)` instead gives each request its own body (unique external ids).
 */
export async function http({ url, connections, seconds, headers = {}, method = 'GET', body, bodyFor, expectStatus }) {
  let sent = 0;
  const jsonHeaders = body || bodyFor ? { 'content-type': 'application/json', ...headers } : headers;
  const options = { url, connections, duration: seconds, headers: jsonHeaders, method };
  if (body) options.body = JSON.stringify(body);
  if (bodyFor) options.requests = [{ method, setupRequest: (request) => ({ ...request, body: JSON.stringify(bodyFor(sent++)) }) }];
  const result = await autocannon(options);
  const bad = expectStatus ? result.requests.total - (result.statusCodeStats[expectStatus]?.count ?? 0) : result.non2xx;
  if (bad > 0 || result.errors > 0) throw new Error(`${method} ${url}: ${bad} unexpected answers, ${result.errors} errors`);
  return {
    requestsPerSecond: round(result.requests.total / seconds),
    p50: result.latency.p50,
    p95: percentile95(result),
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

// autocannon reports p90 and p97.5; interpolate p95 between them.
const percentile95 = (result) => round(result.latency.p90 + (result.latency.p97_5 - result.latency.p90) * (5 / 7.5));

/**
 * Runs `work` (one "request" worth of work) from `concurrency` workers for `seconds`, measuring
 * each iteration like autocannon measures a request. `work` gets the worker's index.
 */
export async function replay({ work, concurrency, seconds }) {
  const latencies = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (Date.now() < deadline) {
        const started = process.hrtime.bigint();
        await work(worker);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
  return { requestsPerSecond: round(latencies.length / seconds), p50: at(0.5), p95: at(0.95), p99: at(0.99), requests: latencies.length };
}

/** Kept-alive connections for `postJson`, like autocannon's. */
const keepAlive = new Agent({ keepAlive: true });

/**
 * POSTs a JSON text and resolves to { status, text }: node:http with kept-alive connections, a
 * fraction of fetch's CPU per request, which the load client would otherwise take from the API.
 */
export function postJson(url, headers, json) {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent: keepAlive, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(json);
  });
}

export const round = (value) => Math.round(value * 100) / 100;

/** Several runs of one measure as one: total requests over total time; the worst round's latencies. */
export const combined = (runs, seconds) => ({
  requestsPerSecond: round(runs.reduce((total, run) => total + run.requests, 0) / seconds),
  p50: Math.max(...runs.map((run) => run.p50)),
  p95: Math.max(...runs.map((run) => run.p95)),
  p99: Math.max(...runs.map((run) => run.p99)),
  requests: runs.reduce((total, run) => total + run.requests, 0),
  rounds: runs.map((run) => run.requestsPerSecond),
});

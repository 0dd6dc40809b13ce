// P6: login req/s against a standalone argon2 verify loop with the very hash (same parameters),
// and what a burst of 10 concurrent logins does to another endpoint's p95.
import { createRequire } from 'node:module';
import { http, replay, round } from './load.mjs';

const require = createRequire(import.meta.url);
const { verify } = require('@node-rs/argon2');

const CONCURRENCY = 10;

export async function p6({ base, db, email, password, headers, seconds }) {
  const [[user]] = await db.query('SELECT password_hash AS hash FROM users WHERE email = ?', [email]);
  const standalone = await replay({
    concurrency: CONCURRENCY,
    seconds,
    work: async () => {
      if (!(await verify(user.hash, password))) throw new Error('argon2 verify failed');
    },
  });
  const loginRequest = { url: `${base}/api/auth/login`, method: 'POST', body: { email, password }, connections: CONCURRENCY, seconds };
  const logins = await http(loginRequest);

  // "Other endpoints": the signed-in user's profile, idle and while 10 clients keep logging in.
  const other = { url: `${base}/api/auth/me`, connections: 2, seconds, headers };
  const idle = await http(other);
  const [during] = await Promise.all([http(other), http(loginRequest)]);
  return {
    standalone,
    logins,
    loginOverArgon2: round(logins.requestsPerSecond / standalone.requestsPerSecond),
    otherIdle: idle,
    otherDuringLogins: during,
    burstOverIdle: round(during.p95 / Math.max(idle.p95, 1)),
  };
}

// P5: the unread count that every open tab polls every 10 s.
import { combined, http, round } from './load.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ROUNDS = 4;
const WARM_UP_SECONDS = 2;

/**
 * req/s of GET /api/notifications/unread-count against GET /api/health at the same load, and what
 * twenty polls by one user inside one poll interval (five tabs, a few seconds) cost the database.
 */
export async function p5({ base, headers, seconds, capture }) {
  const url = `${base}/api/notifications/unread-count`;
  // Both routes warmed up first (JIT, caches), unmeasured: earlier scenarios warmed /api/health only.
  await http({ url: `${base}/api/health`, connections: 50, seconds: WARM_UP_SECONDS });
  await http({ url, connections: 50, seconds: WARM_UP_SECONDS, headers });
  // Alternated in rounds, so that the shared machine's drift weighs on both sides alike; health
  // first, then unread first (A B B A …), so that neither always runs right after the other.
  const loads = { health: { url: `${base}/api/health` }, unread: { url, headers } };
  const rounds = { health: [], unread: [] };
  for (let index = 0; index < ROUNDS; index++) {
    for (const side of index % 2 ? ['unread', 'health'] : ['health', 'unread']) {
      rounds[side].push(await http({ ...loads[side], connections: 50, seconds: seconds / ROUNDS }));
    }
  }
  const health = combined(rounds.health, seconds);
  const unread = combined(rounds.unread, seconds);
  // Let every cache entry of this user expire, then poll as several tabs would.
  await sleep(5_500);
  const statements = await capture(async () => {
    for (let poll = 0; poll < 20; poll++) {
      const response = await fetch(url, { headers });
      if (!response.ok) throw new Error(`unread-count: HTTP ${response.status}`);
      await response.json();
      await sleep(100);
    }
  });
  return {
    health,
    unread,
    ratio: round(unread.requestsPerSecond / health.requestsPerSecond),
    pollStatements: statements.length,
    pollNotificationQueries: statements.filter(({ sql }) => /notifications/i.test(sql)).length,
  };
}

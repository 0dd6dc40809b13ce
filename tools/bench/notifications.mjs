// P5: the unread count that every open tab polls every 10 s.
import { http, round } from './load.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * req/s of GET /api/notifications/unread-count against GET /api/health at the same load, and what
 * twenty polls by one user inside one poll interval (five tabs, a few seconds) cost the database.
 */
export async function p5({ base, headers, seconds, capture }) {
  const url = `${base}/api/notifications/unread-count`;
  const health = await http({ url: `${base}/api/health`, connections: 50, seconds });
  const unread = await http({ url, connections: 50, seconds, headers });
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

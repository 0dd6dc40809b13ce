// The TV board (issue 24): a wall screen polls it all day and every screen of a tenant asks the same.
import { http, round } from './load.mjs';

/** GET /api/tv/board (week and month) at 10 clients, with a TV link's token as a screen sends it. */
export async function tv({ base, headers, seconds, capture }) {
  const created = await fetch(`${base}/api/tv-links`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (created.status !== 201) throw new Error(`POST /api/tv-links answered ${created.status}`);
  const link = await created.json();
  const screen = { 'x-fasto-tv-token': link.token };
  try {
    const statements = await capture(() => fetch(`${base}/api/tv/board?period=month`, { headers: screen }).then((res) => res.json()));
    const week = await http({ url: `${base}/api/tv/board?period=week`, connections: 10, seconds, headers: screen });
    const month = await http({ url: `${base}/api/tv/board?period=month`, connections: 10, seconds, headers: screen });
    return { statements: statements.length, week, month, monthOverWeek: round(month.p95 / week.p95) };
  } finally {
    await fetch(`${base}/api/tv-links/${link.id}`, { method: 'DELETE', headers });
  }
}

/**
 * Y-axis ticks for counts: whole numbers only, evenly spaced, from 0 to a round top at or above the
 * largest value (a scale of 0–2 gets 0, 1, 2, never 0, 0.5, 1, 1.5, 2 printed as 0, 1, 1, 2, 2).
 */
export function integerTicks(max: number, wanted = 5): number[] {
  const top = Math.max(1, Math.ceil(max));
  const rough = top / Math.max(1, wanted - 1);
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step; tick += step) ticks.push(tick);
  return ticks;
}

/** A day still under way: its counts are partial, so the chart draws it apart (dashed, lighter). */
export const isPartialDay = (date: string, today: string): boolean => date === today;

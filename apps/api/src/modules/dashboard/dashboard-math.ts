import { OTHERS_COLOR, type DashboardSlice, type DashboardTotals } from '@fasto/contracts';
import type { TotalsSums } from './dashboard.repository';

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** KPIs from summed rollups. Averages ignore attendances without the value; empty means zeros. */
export function toTotals(sums: TotalsSums): DashboardTotals {
  return {
    attendances: sums.attendances,
    converted: sums.converted,
    conversionRate: sums.attendances > 0 ? round(sums.converted / sums.attendances, 4) : 0,
    avgScore: sums.scoreCount > 0 ? round(sums.scoreSum / sums.scoreCount, 1) : null,
    avgFirstResponseMin: sums.firstResponseCount > 0 ? round(sums.firstResponseSum / sums.firstResponseCount, 1) : null,
    saleValue: round(sums.saleValueSum, 2),
  };
}

/**
 * One slice per entry of the catalog in force (in its order), plus the unnamed others bucket for
 * everything else: no stage/origin, a deleted one, or one outside the selected team's funnel/group.
 */
export function toSlices(catalog: { id: string; name: string; color: string; won?: true }[], counts: Map<string, number>): DashboardSlice[] {
  const known = new Set(catalog.map((entry) => entry.id));
  const slices: DashboardSlice[] = catalog.map((entry) => ({
    id: entry.id,
    name: entry.name,
    color: entry.color,
    count: counts.get(entry.id) ?? 0,
    ...(entry.won ? { won: true as const } : {}),
  }));
  const others = [...counts.entries()].filter(([id]) => !known.has(id)).reduce((sum, [, count]) => sum + count, 0);
  if (others > 0) slices.push({ id: null, name: null, color: OTHERS_COLOR, count: others });
  return slices;
}

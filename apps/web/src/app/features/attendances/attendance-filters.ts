import type { ParamMap } from '@angular/router';
import type { AttendanceFilters } from '@fasto/contracts';

const TEXT_KEYS = ['from', 'to', 'teamId', 'userId', 'stageId', 'originId', 'q'] as const;

/** The list's filters live in the URL, so a dashboard click, a reload or a shared link shows the same list. */
export function filtersFromParams(params: ParamMap): AttendanceFilters {
  const filters: AttendanceFilters = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const converted = params.get('converted');
  if (converted === 'true' || converted === 'false') filters.converted = converted === 'true';
  for (const key of ['minScore', 'maxScore'] as const) {
    const value = Number(params.get(key));
    if (params.get(key) !== null && Number.isInteger(value) && value >= 0 && value <= 100) filters[key] = value;
  }
  return filters;
}

/** Score bands offered by the list's filter, as the API's minScore/maxScore. */
export const SCORE_BANDS = {
  low: { minScore: 0, maxScore: 49 },
  mid: { minScore: 50, maxScore: 79 },
  high: { minScore: 80, maxScore: 100 },
} as const;
export type ScoreBand = keyof typeof SCORE_BANDS;

/** The band the URL's scores match exactly, if any. */
export function bandOf(filters: AttendanceFilters): ScoreBand | null {
  const match = (Object.keys(SCORE_BANDS) as ScoreBand[]).find(
    (band) => SCORE_BANDS[band].minScore === filters.minScore && SCORE_BANDS[band].maxScore === filters.maxScore,
  );
  return match ?? null;
}

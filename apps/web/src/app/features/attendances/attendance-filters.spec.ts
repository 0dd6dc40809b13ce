import { convertToParamMap } from '@angular/router';
import { bandOf, filtersFromParams, SCORE_BANDS } from './attendance-filters';

describe('filtersFromParams', () => {
  it('reads known filters and drops malformed ones', () => {
    const params = convertToParamMap({ from: '2026-01-01', stageId: 's1', converted: 'true', minScore: '40', maxScore: '300', q: '', other: 'x' });
    expect(filtersFromParams(params)).toEqual({ from: '2026-01-01', stageId: 's1', converted: true, minScore: 40 });
  });
});

describe('score bands', () => {
  it('map to the API range and back', () => {
    expect(bandOf({ ...SCORE_BANDS.low })).toBe('low');
    expect(bandOf({ minScore: 80, maxScore: 100 })).toBe('high');
    expect(bandOf({ minScore: 10 })).toBeNull();
  });
});

import { convertToParamMap } from '@angular/router';
import { filtersFromParams } from './attendance-filters';

describe('filtersFromParams', () => {
  it('reads known filters and drops malformed ones', () => {
    const params = convertToParamMap({ from: '2026-01-01', stageId: 's1', converted: 'true', minScore: '40', maxScore: '300', q: '', other: 'x' });
    expect(filtersFromParams(params)).toEqual({ from: '2026-01-01', stageId: 's1', converted: true, minScore: 40 });
  });
});

import { toHttpParams } from './query-params';

describe('toHttpParams', () => {
  it('keeps set values and drops empty ones', () => {
    const params = toHttpParams({ from: '2026-01-01', teamId: undefined, userId: null, q: '', converted: false, limit: 50 });
    expect(params.toString()).toBe('from=2026-01-01&converted=false&limit=50');
  });
});

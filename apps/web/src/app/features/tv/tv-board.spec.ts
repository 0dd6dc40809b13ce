import type { TvBoardSale } from '@fasto/contracts';
import { movementText, reconnectDelay, tvTokenFromFragment, withSale } from './tv-board';

const sale = (id: string): TvBoardSale => ({ id, agentName: 'Ana', saleValue: 10, closedAt: '2026-12-02T10:00:00.000Z' });

describe('TV board helpers', () => {
  it('reads the token from the fragment only', () => {
    expect(tvTokenFromFragment('#token=fstv_abc')).toBe('fstv_abc');
    expect(tvTokenFromFragment('')).toBeNull();
    expect(tvTokenFromFragment('#other=1')).toBeNull();
  });

  it('puts a ticker sale on top once and keeps the list bounded', () => {
    const many = Array.from({ length: 10 }, (_, index) => sale(`s${index}`));
    const next = withSale(many, sale('new'));
    expect(next[0].id).toBe('new');
    expect(next).toHaveLength(10);
    expect(withSale(next, sale('new'))).toHaveLength(10);
  });

  it('backs off reconnections up to a minute and shows movement', () => {
    expect([0, 1, 3, 10].map(reconnectDelay)).toEqual([2, 2, 8, 60]);
    expect([2, -1, 0, null].map((value) => movementText(value, 'novo'))).toEqual(['▲2', '▼1', '–', 'novo']);
  });
});

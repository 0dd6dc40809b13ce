import { chunkSizes } from './insert-statement';

describe('chunkSizes', () => {
  it('splits rows into full chunks, then powers of two', () => {
    expect(chunkSizes(0, 250)).toEqual([]);
    expect(chunkSizes(1, 250)).toEqual([1]);
    expect(chunkSizes(500, 250)).toEqual([250, 250]);
    expect(chunkSizes(749, 250)).toEqual([250, 250, 128, 64, 32, 16, 8, 1]);
  });

  it('covers every row with at most nine distinct statement sizes, whatever the batch size', () => {
    const sizes = new Set<number>();
    for (let rows = 0; rows <= 1000; rows++) {
      const chunks = chunkSizes(rows, 250);
      expect(chunks.reduce((total, size) => total + size, 0)).toBe(rows);
      chunks.forEach((size) => sizes.add(size));
    }
    expect(sizes.size).toBeLessThanOrEqual(9);
  });
});

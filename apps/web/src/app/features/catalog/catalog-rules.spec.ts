import { PALETTE_HUES } from '@fasto/contracts';
import { movedIds, nextColor, renamed } from './catalog-rules';

const entries = ['a', 'b', 'c', 'd'].map((id, position) => ({ id, name: id, color: 'bg-red-500', position }));

describe('catalog manager rules', () => {
  it('moves one id and keeps the rest in order', () => {
    expect(movedIds(entries, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(movedIds(entries, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(movedIds(entries, 1, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(movedIds(entries, 1, 9)).toEqual(['a', 'b', 'c', 'd']);
    expect(entries.map((entry) => entry.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sends only real renames', () => {
    expect(renamed('Proposta', '  Proposta ')).toBeNull();
    expect(renamed('Proposta', '   ')).toBeNull();
    expect(renamed('Proposta', ' Negociação ')).toBe('Negociação');
  });

  it('suggests a hue nobody uses yet', () => {
    expect(nextColor([], PALETTE_HUES)).toBe('bg-slate-500');
    expect(nextColor(['bg-slate-100', 'bg-gray-500'], PALETTE_HUES)).toBe('bg-zinc-500');
  });
});

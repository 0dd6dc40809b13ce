import { isPaletteColor, PALETTE_COLORS } from './palette';

describe('palette', () => {
  it('accepts Tailwind background classes from the allow-list only', () => {
    expect(PALETTE_COLORS).toHaveLength(210);
    for (const color of ['bg-green-100', 'bg-amber-200', 'bg-zinc-50', 'bg-rose-900']) expect(isPaletteColor(color)).toBe(true);
    for (const color of ['bg-green-150', 'text-green-100', 'bg-black', 'bg-green-100 evil', '#00ff00', '', null, 7]) expect(isPaletteColor(color)).toBe(false);
  });
});

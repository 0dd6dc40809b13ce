import { OTHERS_COLOR, PALETTE_COLORS } from '@fasto/contracts';
import { CARD_BACKGROUND, chartHex, chartHexes, colorDistance, contrastRatio, isLowContrast, MIN_NEIGHBOUR_DISTANCE } from './chart-color';
import { PALETTE_HEX } from './palette-hex';

const themes = ['dark', 'light'] as const;

describe('chart colors', () => {
  it('measure contrast the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1);
  });

  it('keep every palette color at 3:1 or more against the card, in both themes', () => {
    for (const theme of themes) {
      for (const color of [...PALETTE_COLORS, OTHERS_COLOR]) {
        expect({ color, theme, ok: contrastRatio(chartHex(color, theme), CARD_BACKGROUND[theme]) >= 3 }).toEqual({ color, theme, ok: true });
      }
    }
  });

  it('draw the pale demo shades in a mid shade of the same hue', () => {
    expect(chartHex('bg-green-100', 'dark')).toBe(PALETTE_HEX['bg-green-400']);
    expect(chartHex('bg-sky-100', 'light')).toBe(PALETTE_HEX['bg-sky-600']);
    expect(chartHex('bg-violet-500', 'light')).toBe(PALETTE_HEX['bg-violet-500']);
  });

  it('tell "Venda Fechada" from "Novo Lead" (issue 19)', () => {
    for (const theme of themes) {
      expect(colorDistance(chartHex('bg-green-100', theme), chartHex('bg-sky-100', theme))).toBeGreaterThan(MIN_NEIGHBOUR_DISTANCE);
    }
  });

  it('give neighbouring slices of one hue different shades, also across the wrap-around', () => {
    for (const theme of themes) {
      const [a, b, c] = chartHexes(['bg-blue-100', 'bg-blue-200', 'bg-blue-300'], theme);
      expect(colorDistance(a, b)).toBeGreaterThanOrEqual(MIN_NEIGHBOUR_DISTANCE);
      expect(colorDistance(b, c)).toBeGreaterThanOrEqual(MIN_NEIGHBOUR_DISTANCE);
      for (const hex of [a, b, c]) expect(contrastRatio(hex, CARD_BACKGROUND[theme])).toBeGreaterThanOrEqual(3);
    }
  });

  it('flag picks whose own swatch is hard to see on the card', () => {
    expect(isLowContrast('bg-yellow-100', 'light')).toBe(true);
    expect(isLowContrast('bg-slate-900', 'dark')).toBe(true);
    expect(isLowContrast('bg-blue-600', 'light')).toBe(false);
  });
});

import { OTHERS_COLOR } from '@fasto/contracts';
import { PALETTE_HEX } from './palette-hex';

export type ChartTheme = 'dark' | 'light';

/** The `card` surface the charts sit on (styles.css): white, and zinc-950 in the dark theme. */
export const CARD_BACKGROUND: Readonly<Record<ChartTheme, string>> = { light: '#ffffff', dark: '#09090b' };

/** WCAG's floor for graphical objects against what surrounds them. */
export const MIN_CHART_CONTRAST = 3;

/**
 * Stored shades are moved into a band that reads on the theme's card (pale `-100` shades would be
 * near-white on black and invisible on white), then further away from the background while contrast
 * is still short; the hue is always kept.
 */
const BAND: Readonly<Record<ChartTheme, { min: number; max: number; step: number }>> = {
  dark: { min: 400, max: 600, step: -100 },
  light: { min: 500, max: 700, step: 100 },
};

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Perceived distance between two colors ("redmean" weighted RGB), 0–765. */
export function colorDistance(a: string, b: string): number {
  const [r1, g1, b1] = channels(a);
  const [r2, g2, b2] = channels(b);
  const mean = (r1 + r2) / 2;
  return Math.sqrt((2 + mean / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - mean) / 256) * (b1 - b2) ** 2);
}

const parse = (color: string): { hue: string; shade: number } | null => {
  const match = /^bg-([a-z]+)-(\d+)$/.exec(color);
  return match && PALETTE_HEX[color] ? { hue: match[1], shade: Number(match[2]) } : null;
};

/** The shades of a hue the chart may use on this theme, best first (closest to the stored shade). */
function usableShades(color: string, theme: ChartTheme): number[] {
  const parsed = parse(color) ?? parse(OTHERS_COLOR);
  if (!parsed) return [];
  const { min, max, step } = BAND[theme];
  const start = Math.min(max, Math.max(min, parsed.shade));
  const shades: number[] = [];
  for (let shade = start; shade >= 50 && shade <= 900; shade += step) shades.push(shade);
  for (let shade = start - step; shade >= min && shade <= max; shade -= step) shades.push(shade);
  return shades.filter((shade) => {
    const hex = PALETTE_HEX[`bg-${parsed.hue}-${shade}`];
    return hex !== undefined && contrastRatio(hex, CARD_BACKGROUND[theme]) >= MIN_CHART_CONTRAST;
  });
}

const hexOf = (color: string, shade: number): string => PALETTE_HEX[`bg-${(parse(color) ?? parse(OTHERS_COLOR))?.hue}-${shade}`];

/** One stored color as the chart draws it on this theme. */
export function chartHex(color: string, theme: ChartTheme): string {
  const [shade] = usableShades(color, theme);
  return shade === undefined ? PALETTE_HEX[OTHERS_COLOR] : hexOf(color, shade);
}

/** Below this distance two neighbouring slices read as one. */
export const MIN_NEIGHBOUR_DISTANCE = 90;

/**
 * A pie's colors in order: each slice as `chartHex` draws it, unless it would look like the slice
 * before it (or the first, for the last one: a pie wraps around); then another usable shade of its hue.
 */
export function chartHexes(colors: readonly string[], theme: ChartTheme): string[] {
  const result: string[] = [];
  colors.forEach((color, index) => {
    const neighbours = [result[index - 1], index === colors.length - 1 && index > 1 ? result[0] : undefined].filter((hex): hex is string => !!hex);
    const candidates = usableShades(color, theme).map((shade) => hexOf(color, shade));
    const pick =
      candidates.find((hex) => neighbours.every((other) => colorDistance(hex, other) >= MIN_NEIGHBOUR_DISTANCE)) ?? candidates[0] ?? PALETTE_HEX[OTHERS_COLOR];
    result.push(pick);
  });
  return result;
}

/** A pick whose own swatch is hard to see on the card (the chart will draw it in a stronger shade). */
export const isLowContrast = (color: string, theme: ChartTheme): boolean =>
  PALETTE_HEX[color] !== undefined && contrastRatio(PALETTE_HEX[color], CARD_BACKGROUND[theme]) < MIN_CHART_CONTRAST;

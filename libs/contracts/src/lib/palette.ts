/** Tailwind hues offered by the color picker for stages and origins. */
export const PALETTE_HUES = [
  'slate',
  'gray',
  'zinc',
  'stone',
  'red',
  'orange',
  'amber',
  'yellow',
  'lime',
  'green',
  'emerald',
  'teal',
  'cyan',
  'sky',
  'blue',
  'indigo',
  'violet',
  'purple',
  'fuchsia',
  'pink',
  'rose',
] as const;

export const PALETTE_SHADES = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900] as const;

/** Every accepted color: a Tailwind background class such as `bg-green-100`. */
export const PALETTE_COLORS: readonly string[] = PALETTE_HUES.flatMap((hue) => PALETTE_SHADES.map((shade) => `bg-${hue}-${shade}`));

const ALLOWED = new Set(PALETTE_COLORS);

export const isPaletteColor = (value: unknown): value is string => typeof value === 'string' && ALLOWED.has(value);

/** Color of the "Outros" bucket in charts. */
export const OTHERS_COLOR = 'bg-zinc-400';

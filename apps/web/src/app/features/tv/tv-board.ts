import { TV_LATEST_SALES, TV_TOKEN_FRAGMENT, type TvBoardSale } from '@fasto/contracts';

/** The views the wall screen rotates through. */
export const TV_VIEWS = ['ranking', 'sales', 'goals'] as const;
export type TvView = (typeof TV_VIEWS)[number];

/** Seconds each view stays on screen. */
export const TV_VIEW_SECONDS = 15;
/** The board's numbers are read again this often; the ticker brings sales in between. */
export const TV_REFRESH_SECONDS = 60;

/** The TV token from `#token=…` (the fragment never reaches a server or its logs); null without one. */
export function tvTokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(TV_TOKEN_FRAGMENT);
  return token ? token : null;
}

/** A sale from the ticker put on top of the list, once, keeping the list as long as the board's. */
export function withSale(sales: readonly TvBoardSale[], sale: TvBoardSale): TvBoardSale[] {
  if (sales.some((known) => known.id === sale.id)) return [...sales];
  return [sale, ...sales].slice(0, TV_LATEST_SALES);
}

/** Seconds before the ticker's next reconnection: 2, 4, 8… up to a minute. */
export const reconnectDelay = (attempt: number): number => Math.min(60, 2 ** Math.max(1, attempt));

/** ▲2, ▼1, – (unchanged) or a "new" marker, for the ranking's movement column. */
export function movementText(movement: number | null, newLabel: string): string {
  if (movement === null) return newLabel;
  if (movement > 0) return `▲${movement}`;
  if (movement < 0) return `▼${-movement}`;
  return '–';
}

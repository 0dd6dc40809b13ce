/** The TV board's period: a Monday-based week or a calendar month, in the tenant's time zone. */
export const TV_PERIODS = ['week', 'month'] as const;
export type TvPeriod = (typeof TV_PERIODS)[number];

/** Every TV token starts with this, so it is never mistaken for a JWT or an API key. */
export const TV_TOKEN_MARKER = 'fstv_';

/** Where the web page keeps a TV link's token: the URL fragment never reaches a server or its logs. */
export const TV_TOKEN_FRAGMENT = 'token';

/** At most this many agents are ranked on the board. */
export const TV_RANKING_SIZE = 20;

/** At most this many closed sales are listed (and replayed when the ticker opens). */
export const TV_LATEST_SALES = 10;

/** A TV link as the admins' list shows it; the token itself is shown once, at creation. */
export interface TvLinkView {
  id: string;
  name: string;
  /** The team the board shows; null for the whole organization. */
  teamId: string | null;
  /** The characters after the marker, to tell links apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to a creation: the only time the token is shown. */
export interface CreatedTvLink extends TvLinkView {
  token: string;
}

export interface CreateTvLinkRequest {
  name: string;
  teamId?: string | null;
}

export interface TvBoardTotals {
  /** Closed sales (converted attendances). */
  sales: number;
  saleValue: number;
}

export interface TvBoardAgent {
  rank: number;
  /** Null when the agent's account was removed. */
  name: string | null;
  sales: number;
  saleValue: number;
  attendances: number;
  /** Places gained (positive) or lost (negative) since the previous period; null when not ranked then. */
  movement: number | null;
}

/** One closed sale: the agent and the value only — never the customer. */
export interface TvBoardSale {
  id: string;
  agentName: string | null;
  saleValue: number | null;
  closedAt: string;
}

export type TvGoalMetric = 'attendances' | 'conversions' | 'sale_value' | 'conversion_rate' | 'avg_score';
export type TvGoalStatus = 'ahead' | 'on_track' | 'behind';

/** A goal's progress in the board's period, as the goals module reports it. */
export interface TvBoardGoal {
  id: string;
  scope: 'tenant' | 'team' | 'agent';
  /** The team's or agent's name; null for the whole organization. */
  name: string | null;
  metric: TvGoalMetric;
  actual: number;
  target: number;
  /** actual / target, 0..∞ (1 = reached). */
  done: number;
  /** The share of the target the pace expects by now. */
  expectedByNow: number;
  status: TvGoalStatus;
}

export interface TvBoard {
  period: TvPeriod;
  range: { from: string; to: string };
  previousRange: { from: string; to: string };
  /** The team the board is for; null for the whole organization. */
  teamName: string | null;
  today: TvBoardTotals;
  periodTotals: TvBoardTotals;
  ranking: TvBoardAgent[];
  latestSales: TvBoardSale[];
  goals: TvBoardGoal[];
  generatedAt: string;
}

/** Events of `GET /api/tv/stream`. */
export const TvStreamEvent = {
  /** A newly closed sale (`TvBoardSale`). */
  Sale: 'sale',
} as const;

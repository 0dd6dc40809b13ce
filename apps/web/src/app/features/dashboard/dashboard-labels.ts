import type { DashboardAgentRow, DashboardSlice } from '@fasto/contracts';
import type { MessageKey } from '../../core/i18n/messages';

type Translate = (key: MessageKey) => string;

/** An agent row's label: the agent's name, or why the API sent none (a deleted user, no agent at all). */
export function agentLabel(row: DashboardAgentRow, t: Translate): string {
  if (row.agentState === 'removed') return t('dash.agentRemoved');
  if (row.agentState === 'none') return t('dash.noAgent');
  return row.name ?? '';
}

/** A slice's label: its stage's or origin's name, or "Others" for the bucket the API leaves unnamed. */
export const sliceLabel = (slice: DashboardSlice, t: Translate): string => slice.name ?? t('dash.others');

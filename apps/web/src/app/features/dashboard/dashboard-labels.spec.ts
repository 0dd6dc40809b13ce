import type { DashboardAgentRow, DashboardSlice } from '@fasto/contracts';
import { EN, PT, type MessageKey } from '../../core/i18n/messages';
import { agentLabel, sliceLabel } from './dashboard-labels';

const pt = (key: MessageKey) => PT[key];
const en = (key: MessageKey) => EN[key];
const totals = { attendances: 1, converted: 0, conversionRate: 0, avgScore: null, avgFirstResponseMin: null, saleValue: 0 };
const agent = (row: Pick<DashboardAgentRow, 'userId' | 'name' | 'agentState'>): DashboardAgentRow => ({ ...row, ...totals });
const slice = (id: string | null, name: string | null): DashboardSlice => ({ id, name, color: 'bg-zinc-400', count: 1 });

describe('dashboard labels', () => {
  it('show an agent’s name as the API sent it, in either language', () => {
    const alice = agent({ userId: 'u1', name: 'Alice Atendente', agentState: 'known' });
    expect(agentLabel(alice, pt)).toBe('Alice Atendente');
    expect(agentLabel(alice, en)).toBe('Alice Atendente');
  });

  it('name a removed user and the rows without an agent in the reader’s language', () => {
    const removed = agent({ userId: 'u2', name: null, agentState: 'removed' });
    const none = agent({ userId: null, name: null, agentState: 'none' });
    expect([agentLabel(removed, pt), agentLabel(none, pt)]).toEqual(['Usuário removido', 'Sem atendente']);
    expect([agentLabel(removed, en), agentLabel(none, en)]).toEqual(['Removed user', 'No agent']);
  });

  it('name the others slice in the reader’s language, and keep catalog names', () => {
    expect(sliceLabel(slice(null, null), pt)).toBe('Outros');
    expect(sliceLabel(slice(null, null), en)).toBe('Others');
    expect(sliceLabel(slice('s1', 'Proposta'), en)).toBe('Proposta');
  });
});

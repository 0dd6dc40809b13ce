import type { GoalProgressView, GoalView } from '@fasto/contracts';
import { agentGoalPercents, formatGoalValue, goalsOfScope, parseTarget, rankingMetric, targetText } from './goal-figures';

const goal = (over: Partial<GoalView>): GoalView => ({
  id: 'g',
  scope: 'user',
  teamId: null,
  userId: 'u1',
  metric: 'sale_value',
  period: 'month',
  target: 100,
  activeFrom: '2026-01-01',
  createdBy: null,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const view = (over: Partial<GoalView>, percent: number): GoalProgressView => ({
  goal: goal(over),
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  elapsed: 0.5,
  actual: percent,
  target: 100,
  percent,
  expected: 50,
  projection: percent * 2,
  status: 'on_track',
  reached: false,
});

describe('goal targets as typed', () => {
  it('reads pt-BR and en money exactly, never ×100', () => {
    expect(parseTarget('sale_value', '12.345,67', 'pt-BR')).toBe(12345.67);
    expect(parseTarget('sale_value', '12,345.67', 'en')).toBe(12345.67);
    expect(parseTarget('sale_value', '6459.51', 'pt-BR')).toBeNaN();
    expect(parseTarget('sale_value', '', 'pt-BR')).toBeNull();
  });

  it('stores a conversion rate typed in percent as a share, and shows it back in percent', () => {
    expect(parseTarget('conversion_rate', '25', 'pt-BR')).toBe(0.25);
    expect(parseTarget('conversion_rate', '12,5%', 'pt-BR')).toBe(0.125);
    expect(parseTarget('conversion_rate', '12.5', 'en')).toBe(0.125);
    expect(parseTarget('conversion_rate', '150', 'pt-BR')).toBeNaN();
    expect(targetText('conversion_rate', 0.125, 'pt-BR')).toBe('12,5');
    expect(targetText('sale_value', 12345.67, 'pt-BR')).toBe('12.345,67');
  });

  it('refuses fractions of a count and scores finer than one decimal', () => {
    expect(parseTarget('attendances', '40', 'pt-BR')).toBe(40);
    expect(parseTarget('attendances', '4,5', 'pt-BR')).toBeNaN();
    expect(parseTarget('avg_score', '85,5', 'pt-BR')).toBe(85.5);
    expect(parseTarget('avg_score', '85,55', 'pt-BR')).toBeNaN();
  });

  it('formats each metric the way the dashboard shows it', () => {
    expect(formatGoalValue('sale_value', 12345.67)).toMatch(/R\$\s12\.345,67/);
    expect(formatGoalValue('conversion_rate', 0.25)).toBe('25%');
    expect(formatGoalValue('attendances', 40)).toBe('40');
    expect(formatGoalValue('avg_score', null)).toBe('—');
  });
});

describe('which goals the dashboard shows', () => {
  const items = [
    view({ id: 't', scope: 'tenant', userId: null }, 10),
    view({ id: 'team', scope: 'team', teamId: 'a', userId: null }, 20),
    view({ id: 'w', period: 'week', userId: 'u1' }, 30),
    view({ id: 'm', period: 'month', userId: 'u1' }, 40),
    view({ id: 'b', period: 'week', userId: 'u2', metric: 'attendances' }, 50),
  ];

  it('cards: the agent filter, else the team, else the company', () => {
    expect(goalsOfScope(items, { userId: 'u1', teamId: 'a' }).map((item) => item.goal.id)).toEqual(['w', 'm']);
    expect(goalsOfScope(items, { userId: null, teamId: 'a' }).map((item) => item.goal.id)).toEqual(['team']);
    expect(goalsOfScope(items, { userId: null, teamId: null }).map((item) => item.goal.id)).toEqual(['t']);
  });

  it('ranking: the agent’s own monthly goal of the sorted figure, else the weekly one', () => {
    const sales = agentGoalPercents(items, rankingMetric('saleValue'));
    expect(sales.get('u1')).toBe(40);
    expect(sales.has('u2')).toBe(false);
    expect(agentGoalPercents(items, rankingMetric('attendances')).get('u2')).toBe(50);
    expect(rankingMetric('avgFirstResponseMin')).toBe('sale_value');
  });
});

import { RollupDelta, type AttendanceFacts } from './rollup-delta';

const facts = (overrides: Partial<AttendanceFacts> = {}): AttendanceFacts => ({
  tenantId: 'tenant-1',
  attendedAt: new Date('2026-03-10T15:00:00Z'),
  userId: 'agent-1',
  teamId: 'team-1',
  funnelStageId: 'stage-1',
  originItemId: 'origin-1',
  converted: true,
  score: 80,
  firstResponseTimeMin: 4,
  saleValue: 1200.5,
  ...overrides,
});

describe('RollupDelta', () => {
  it('counts one attendance on its tenant-local day and month, in every table', () => {
    // 01:30 UTC on the 11th is still the 10th in São Paulo (UTC−3).
    const rows = new RollupDelta().add(facts({ attendedAt: new Date('2026-03-11T01:30:00Z') }), 1, 'America/Sao_Paulo').rows();
    expect(rows.totals).toEqual([
      expect.objectContaining({
        grain: 'D',
        period: '2026-03-10',
        userId: 'agent-1',
        teamId: 'team-1',
        attendances: 1,
        converted: 1,
        scoreSum: 80,
        saleValueSum: 1200.5,
      }),
      expect.objectContaining({ grain: 'M', period: '2026-03', attendances: 1, firstResponseSum: 4, firstResponseCount: 1 }),
    ]);
    expect(rows.teamTotals.map((row) => [row.grain, row.period, row.attendances])).toEqual([
      ['D', '2026-03-10', 1],
      ['M', '2026-03', 1],
    ]);
    expect(rows.stages.map((row) => row.stageId)).toEqual(['stage-1', 'stage-1']);
    expect(rows.teamOrigins.map((row) => row.originId)).toEqual(['origin-1', 'origin-1']);
  });

  it('drops the rows a change leaves untouched: a stage move only moves the stage counts', () => {
    const before = facts();
    const after = facts({ funnelStageId: 'stage-2' });
    const rows = new RollupDelta().add(before, -1, 'UTC').add(after, 1, 'UTC').rows();
    expect(rows.totals).toEqual([]);
    expect(rows.teamTotals).toEqual([]);
    expect(rows.origins).toEqual([]);
    expect(rows.teamOrigins).toEqual([]);
    expect(rows.stages.map((row) => [row.period, row.stageId, row.attendances])).toEqual([
      ['2026-03-10', 'stage-1', -1],
      ['2026-03-10', 'stage-2', 1],
      ['2026-03', 'stage-1', -1],
      ['2026-03', 'stage-2', 1],
    ]);
  });

  it('hands rows out in key order whatever the order they were added in (writers lock them in that order)', () => {
    const rows = new RollupDelta()
      .add(facts({ userId: 'agent-9', attendedAt: new Date('2026-03-12T12:00:00Z') }), 1, 'UTC')
      .add(facts({ userId: 'agent-1', attendedAt: new Date('2026-03-11T12:00:00Z') }), 1, 'UTC')
      .rows();
    expect(rows.totals.map((row) => `${row.grain} ${row.period} ${row.userId}`)).toEqual([
      'D 2026-03-11 agent-1',
      'D 2026-03-12 agent-9',
      'M 2026-03 agent-1',
      'M 2026-03 agent-9',
    ]);
  });
});

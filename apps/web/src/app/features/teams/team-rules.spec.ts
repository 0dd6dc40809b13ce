import { Role, type TeamView } from '@fasto/contracts';
import { teamDraftOf, teamRequest, withCurrent } from './team-rules';

const team: TeamView = {
  id: 't1',
  name: 'Norte',
  funnelId: 'f1',
  funnelName: 'Vendas',
  originGroupId: null,
  originGroupName: null,
  memberCount: 2,
  members: [
    { id: 'a', fullName: 'A', email: 'a@x.example', role: Role.Agent, isActive: true },
    { id: 'b', fullName: 'B', email: 'b@x.example', role: Role.Manager, isActive: true },
  ],
  createdAt: '2026-01-01T00:00:00Z',
};

describe('team form', () => {
  it('creates with every field, empty choices as null', () => {
    expect(teamRequest(null, { name: ' Sul ', funnelId: '', originGroupId: 'o1', memberIds: ['a'] })).toEqual({
      name: 'Sul',
      funnelId: null,
      originGroupId: 'o1',
      memberIds: ['a'],
    });
  });

  it('edits only what changed; member order does not count as a change', () => {
    expect(teamRequest(team, { ...teamDraftOf(team), memberIds: ['b', 'a'] })).toEqual({});
    expect(teamRequest(team, { ...teamDraftOf(team), funnelId: '' })).toEqual({ funnelId: null });
    expect(teamRequest(team, { ...teamDraftOf(team), memberIds: ['b'] })).toEqual({ memberIds: ['b'] });
  });

  it("keeps the team's own funnel among the choices while the list loads or when it failed, once", () => {
    expect(withCurrent([], team.funnelId, team.funnelName)).toEqual([{ id: 'f1', name: 'Vendas' }]);
    const loaded = [
      { id: 'f0', name: 'Pós-venda' },
      { id: 'f1', name: 'Vendas' },
    ];
    expect(withCurrent(loaded, team.funnelId, team.funnelName)).toEqual(loaded);
    expect(withCurrent(loaded, team.originGroupId, team.originGroupName)).toEqual(loaded);
  });
});

import { referencesOf, rememberedName } from './audit-references';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('audit references', () => {
  it('finds the entry’s own object and the ids inside its changes, by field', () => {
    expect(
      referencesOf({
        entity: 'attendance',
        entityId: id(1),
        changes: { funnelStageId: { from: id(2), to: id(3) }, notes: { from: id(9), to: 'x' } },
      }),
    ).toEqual([
      { kind: 'attendance', id: id(1) },
      { kind: 'funnel_stage', id: id(2) },
      { kind: 'funnel_stage', id: id(3) },
    ]);
  });

  it('reads team moves, member lists and a reordered group’s entries', () => {
    expect(referencesOf({ entity: 'team', entityId: id(1), changes: { members: [{ userId: id(2), fromTeamId: null, toTeamId: id(1) }] } })).toEqual([
      { kind: 'team', id: id(1) },
      { kind: 'user', id: id(2) },
      { kind: 'team', id: id(1) },
    ]);
    expect(referencesOf({ entity: 'funnel', entityId: null, changes: { order: { from: [id(4)], to: [id(4)] } } })).toEqual([
      { kind: 'funnel_stage', id: id(4) },
      { kind: 'funnel_stage', id: id(4) },
    ]);
  });

  it('names nothing it cannot look up (a session, a request, plain values)', () => {
    expect(referencesOf({ entity: 'session', entityId: id(1), changes: { role: { from: 'agent', to: 'manager' } } })).toEqual([]);
  });

  it('remembers the name a deletion, a rename or a creation recorded', () => {
    expect(rememberedName({ action: 'funnel_stage.deleted', changes: { name: 'Proposta' } })).toBe('Proposta');
    expect(rememberedName({ action: 'funnel_stage.updated', changes: { name: { from: 'Proposta', to: 'Proposta enviada' } } })).toBe('Proposta enviada');
    expect(rememberedName({ action: 'team.created', changes: { name: 'Alpha' } })).toBe('Alpha');
    expect(rememberedName({ action: 'funnel_stage.updated', changes: { color: { from: 'a', to: 'b' } } })).toBeNull();
  });
});

import { changeLines } from './audit-changes';

describe('audit changes', () => {
  it('shows diffs as old → new and plain values as they are', () => {
    expect(
      changeLines({
        role: { from: 'agent', to: 'manager' },
        phone: { from: null, to: '+55 11 90000-0000' },
        password: '***',
        members: ['a', 'b'],
      }),
    ).toEqual([
      { field: 'role', from: 'agent', to: 'manager' },
      { field: 'phone', from: '—', to: '+55 11 90000-0000' },
      { field: 'password', to: '***' },
      { field: 'members', to: '["a","b"]' },
    ]);
    expect(changeLines(null)).toEqual([]);
  });
});

describe('audit changes read by a person', () => {
  const proposta = '00000000-0000-4000-8000-000000000001';
  const negociacao = '00000000-0000-4000-8000-000000000002';
  const gone = '00000000-0000-4000-8000-000000000003';
  const maria = '00000000-0000-4000-8000-000000000004';
  const alpha = '00000000-0000-4000-8000-000000000005';
  const references = {
    [proposta]: { kind: 'funnel_stage', name: 'Proposta', deleted: true },
    [negociacao]: { kind: 'funnel_stage', name: 'Negociação', deleted: false },
    [gone]: { kind: 'team', name: null, deleted: true },
    [maria]: { kind: 'user', name: 'Maria', deleted: false },
    [alpha]: { kind: 'team', name: 'Alpha', deleted: false },
  } as const;

  it('names ids, roles and yes/no in Portuguese', () => {
    const reading = { language: 'pt-BR', references } as const;
    expect(
      changeLines(
        {
          stageId: { from: proposta, to: negociacao },
          role: { from: 'agent', to: 'manager' },
          teamId: { from: gone, to: alpha },
          isActive: { from: true, to: false },
          members: [{ userId: maria, fromTeamId: null, toTeamId: alpha }],
        },
        reading,
      ),
    ).toEqual([
      { field: 'Etapa', from: 'Proposta (excluída)', to: 'Negociação' },
      { field: 'Papel', from: 'Atendente', to: 'Gerente' },
      { field: 'Equipe', from: 'Equipe excluída', to: 'Alpha' },
      { field: 'Ativo', from: 'Sim', to: 'Não' },
      { field: 'Membros', to: 'Maria: — → Alpha' },
    ]);
  });

  it("names a tenant's plan and status, and keeps a plan outside the list as recorded", () => {
    const reading = { language: 'pt-BR', references: {} } as const;
    expect(changeLines({ plan: { from: 'starter', to: 'enterprise' }, status: { from: 'trial', to: 'suspended' } }, reading)).toEqual([
      { field: 'Plano', from: 'Essencial', to: 'Empresarial' },
      { field: 'Situação', from: 'Em teste', to: 'Suspenso' },
    ]);
    expect(changeLines({ plan: 'legacy-gold' }, { language: 'en', references: {} })).toEqual([{ field: 'Plan', to: 'legacy-gold' }]);
  });

  it("names a webhook's events instead of showing their codes", () => {
    const [line] = changeLines({ events: ['attendance.created', 'goal.reached'] }, { language: 'pt-BR', references: {} });
    expect(line.to).toBe('Atendimento criado, Meta batida');
  });

  it('and in English', () => {
    const reading = { language: 'en', references } as const;
    expect(changeLines({ stageId: { from: proposta, to: negociacao }, teamId: gone, members: [], branding: { primaryColor: '#3b82f6' } }, reading)).toEqual([
      { field: 'Stage', from: 'Proposta (deleted)', to: 'Negociação' },
      { field: 'Team', to: 'Deleted team' },
      { field: 'Members', to: '—' },
      { field: 'Branding', to: 'Primary color: #3b82f6' },
    ]);
  });
});

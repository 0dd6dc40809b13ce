import { splitByTeam } from './attendance-edit-options';

describe('splitByTeam', () => {
  const funnels = [
    { name: 'Funil Pós-venda', teams: [{ id: 'beta' }], entries: [{ id: 'onboarding', name: 'Onboarding', isWon: false }] },
    { name: 'Funil de Vendas', teams: [{ id: 'alpha' }], entries: [{ id: 'won', name: 'Venda Fechada', isWon: true }] },
  ];

  it('puts the team funnel first and the others apart', () => {
    expect(splitByTeam(funnels, 'alpha')).toEqual({
      home: { name: 'Funil de Vendas', options: [{ id: 'won', name: 'Venda Fechada', won: true }] },
      elsewhere: [{ name: 'Funil Pós-venda', options: [{ id: 'onboarding', name: 'Onboarding', won: false }] }],
    });
  });

  it('has no home list for an attendance without a team', () => {
    expect(splitByTeam(funnels, null).home).toBeNull();
    expect(splitByTeam(funnels, null).elsewhere).toHaveLength(2);
  });
});

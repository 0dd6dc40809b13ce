import { isTenantPlan, languageOf, TENANT_PLANS } from './tenant';

describe('tenant plans and languages', () => {
  it('takes listed plans only', () => {
    expect(TENANT_PLANS.every(isTenantPlan)).toBe(true);
    expect([isTenantPlan('system'), isTenantPlan('Pro'), isTenantPlan(undefined)]).toEqual([false, false, false]);
  });

  it('writes English to an English locale and Portuguese to any other', () => {
    expect([languageOf('en'), languageOf('en-US'), languageOf('pt-BR'), languageOf('es-ES')]).toEqual(['en', 'en', 'pt-BR', 'pt-BR']);
  });
});

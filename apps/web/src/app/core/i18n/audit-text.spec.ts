import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@fasto/contracts';
import { AUDIT_ACTION_TEXT, AUDIT_ENTITY_TEXT, auditActionText, auditEntityText, auditFieldText } from './audit-text';

describe('audit texts', () => {
  // The API checks it records nothing outside these lists (apps/api/src/modules/audit/audit-codes.spec.ts).
  it('name every action and object the API can record, in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_TEXT[action]['pt-BR']).toMatch(/\S/);
      expect(AUDIT_ACTION_TEXT[action].en).toMatch(/\S/);
    }
    for (const entity of AUDIT_ENTITIES) {
      expect(AUDIT_ENTITY_TEXT[entity]['pt-BR']).toMatch(/\S/);
      expect(AUDIT_ENTITY_TEXT[entity].en).toMatch(/\S/);
    }
    expect(Object.keys(AUDIT_ACTION_TEXT).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('say the action in the chosen language, and an unknown code as sent', () => {
    expect(auditActionText('pt-BR', 'auth.login')).toBe('Entrou');
    expect(auditActionText('en', 'auth.login')).toBe('Signed in');
    expect(auditEntityText('pt-BR', 'funnel_stage')).toBe('Etapa do funil');
    expect(auditEntityText('en', 'funnel_stage')).toBe('Funnel stage');
    expect(auditFieldText('pt-BR', 'stageId')).toBe('Etapa');
    expect(auditActionText('pt-BR', 'something.new')).toBe('something.new');
  });
});

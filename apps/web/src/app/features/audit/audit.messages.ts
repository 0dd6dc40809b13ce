import { defineMessages } from '../../core/i18n/define-messages';

/** The audit screens' own texts; anything else they show comes from core/i18n/shared.messages.ts. */
export const AUDIT_MESSAGES = defineMessages(
  {
    'audit.tenant': 'Cliente',
    'audit.entity': 'Objeto',
    'audit.action': 'Ação',
    'audit.actor': 'Quem',
    'audit.changes': 'Alterações',
    'audit.staff': 'suporte Fasto',
    'audit.actingAs': 'como {name}',
    'audit.unknownActor': 'Usuário removido',
    'audit.system': 'Sistema',
    'audit.empty': 'Nenhum registro com esses filtros.',
    'audit.error': 'Não foi possível carregar a auditoria.',
    'audit.date': 'Data',
  },
  {
    'audit.tenant': 'Tenant',
    'audit.entity': 'Entity',
    'audit.action': 'Action',
    'audit.actor': 'Who',
    'audit.changes': 'Changes',
    'audit.staff': 'Fasto support',
    'audit.actingAs': 'as {name}',
    'audit.unknownActor': 'Removed user',
    'audit.system': 'System',
    'audit.empty': 'No entries with these filters.',
    'audit.error': 'Could not load the audit log.',
    'audit.date': 'Date',
  },
);

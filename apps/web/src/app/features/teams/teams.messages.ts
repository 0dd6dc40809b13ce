import { defineMessages } from '../../core/i18n/define-messages';

/** The teams screens' own texts; anything else they show comes from core/i18n/shared.messages.ts. */
export const TEAMS_MESSAGES = defineMessages(
  {
    'teams.create': 'Nova equipe',
    'teams.name': 'Nome da equipe',
    'teams.funnel': 'Funil',
    'teams.origins': 'Grupo de origens',
    'teams.members': 'Membros',
    'teams.membersHelp': 'Marcar alguém de outra equipe muda a pessoa para esta.',
    'teams.count': '{n, plural, one {# membro} other {# membros}}',
    'teams.empty': 'Nenhuma equipe ainda.',
    'teams.error': 'Não foi possível carregar as equipes.',
    'teams.editOf': 'Editar a equipe {name}',
    'teams.deleteConfirm': 'Excluir a equipe "{name}"? Os membros ficam sem equipe e os atendimentos continuam existindo.',
    'teams.err.name': 'Informe o nome da equipe.',
  },
  {
    'teams.create': 'New team',
    'teams.name': 'Team name',
    'teams.funnel': 'Funnel',
    'teams.origins': 'Origin group',
    'teams.members': 'Members',
    'teams.membersHelp': 'Ticking someone from another team moves them to this one.',
    'teams.count': '{n, plural, one {# member} other {# members}}',
    'teams.empty': 'No teams yet.',
    'teams.error': 'Could not load the teams.',
    'teams.editOf': 'Edit the team {name}',
    'teams.deleteConfirm': 'Delete the team "{name}"? Its members are left without a team and the attendances are kept.',
    'teams.err.name': 'Enter the team name.',
  },
);

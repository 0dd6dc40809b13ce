import { Injectable, inject } from '@angular/core';
import { I18n } from '../../core/i18n/i18n.service';
import { defineMessages } from '../../core/i18n/define-messages';
import { interpolate, type MessageParams } from '../../core/i18n/interpolate';
import type { MessageKey } from '../../core/i18n/messages';

/**
 * The goals screens' and cards' text. It rides in the lazy goals/dashboard chunks instead of the
 * app-wide dictionaries, which load with the first page and sit at the initial bundle budget
 * (apps/web/project.json); only the menu label `nav.goals` lives there. Keys keep the `goals.` prefix.
 */
const PT_TEXT = {
  'goals.help':
    'Metas por empresa, equipe ou atendente, semanais (segunda a domingo) ou mensais. Cada meta vale a partir do dia escolhido e se repete até ser excluída.',
  'goals.new': 'Nova meta',
  'goals.edit': 'Editar meta',
  'goals.delete': 'Excluir meta',
  'goals.editAction': 'Editar',
  'goals.deleteAction': 'Excluir',
  'goals.editOf': 'Editar a meta {name}',
  'goals.deleteOf': 'Excluir a meta {name}',
  'goals.deleteConfirm': 'Excluir a meta {name}? O progresso dela deixa de aparecer no painel e na TV.',
  'goals.empty': 'Nenhuma meta definida.',
  'goals.error': 'Não foi possível carregar as metas.',
  'goals.scope': 'Para',
  'goals.who': 'Quem',
  'goals.team': 'Equipe',
  'goals.agent': 'Atendente',
  'goals.choose': 'Escolha…',
  'goals.metric': 'Métrica',
  'goals.period': 'Período',
  'goals.target': 'Meta',
  'goals.activeFrom': 'Vale a partir de',
  'goals.actions': 'Ações',
  'goals.wholeCompany': 'Toda a empresa',
  'goals.scope.tenant': 'Empresa',
  'goals.scope.team': 'Equipe',
  'goals.scope.user': 'Atendente',
  'goals.metric.attendances': 'Atendimentos',
  'goals.metric.conversions': 'Conversões',
  'goals.metric.sale_value': 'Valor vendido',
  'goals.metric.conversion_rate': 'Taxa de conversão',
  'goals.metric.avg_score': 'Nota média',
  'goals.unit.attendances': 'quantidade',
  'goals.unit.conversions': 'quantidade',
  'goals.unit.sale_value': 'R$',
  'goals.unit.conversion_rate': '%',
  'goals.unit.avg_score': 'nota de 0 a 100',
  'goals.period.week': 'Semanal',
  'goals.period.month': 'Mensal',
  'goals.status.ahead': 'Adiantada',
  'goals.status.on_track': 'No ritmo',
  'goals.status.behind': 'Atrasada',
  'goals.err.targetRequired': 'Informe a meta.',
  'goals.err.teamRequired': 'Escolha a equipe.',
  'goals.err.agentRequired': 'Escolha o atendente.',
  'goals.err.target.attendances': 'Use um número inteiro a partir de 1.',
  'goals.err.target.conversions': 'Use um número inteiro a partir de 1.',
  'goals.err.target.sale_value': 'Use um valor em reais, por exemplo 12.345,67.',
  'goals.err.target.conversion_rate': 'Use uma porcentagem entre 0,01 e 100, por exemplo 25 ou 12,5.',
  'goals.err.target.avg_score': 'Use uma nota entre 0,1 e 100, com até uma casa decimal.',
  'goals.card.of': 'de {target}',
  'goals.card.progressOf': 'Progresso da meta de {metric}',
  'goals.card.expected': 'Esperado até agora: {value}',
  'goals.card.expectedLabel': 'Esperado até agora',
  'goals.card.projection': 'Projeção no fim do período',
  'goals.dashboard.title': 'Metas do período atual',
  'goals.dashboard.manage': 'Gerenciar metas',
  'goals.dashboard.define': 'Definir metas',
  'goals.ranking.column': '% da meta',
  'goals.ranking.rule': '% da meta: a meta mensal do próprio atendente (ou a semanal, se ele não tiver mensal) de {metric}, no período atual.',
} as const;

export type GoalTextKey = keyof typeof PT_TEXT;

const GOALS_MESSAGES = defineMessages(PT_TEXT, {
  'goals.help':
    'Goals for the company, a team or an agent, weekly (Monday to Sunday) or monthly. A goal counts from the day you choose and repeats until deleted.',
  'goals.new': 'New goal',
  'goals.edit': 'Edit goal',
  'goals.delete': 'Delete goal',
  'goals.editAction': 'Edit',
  'goals.deleteAction': 'Delete',
  'goals.editOf': 'Edit the goal {name}',
  'goals.deleteOf': 'Delete the goal {name}',
  'goals.deleteConfirm': 'Delete the goal {name}? Its progress stops showing on the dashboard and the TV.',
  'goals.empty': 'No goals set.',
  'goals.error': 'Could not load the goals.',
  'goals.scope': 'For',
  'goals.who': 'Who',
  'goals.team': 'Team',
  'goals.agent': 'Agent',
  'goals.choose': 'Choose…',
  'goals.metric': 'Metric',
  'goals.period': 'Period',
  'goals.target': 'Target',
  'goals.activeFrom': 'Active from',
  'goals.actions': 'Actions',
  'goals.wholeCompany': 'Whole company',
  'goals.scope.tenant': 'Company',
  'goals.scope.team': 'Team',
  'goals.scope.user': 'Agent',
  'goals.metric.attendances': 'Attendances',
  'goals.metric.conversions': 'Conversions',
  'goals.metric.sale_value': 'Sales value',
  'goals.metric.conversion_rate': 'Conversion rate',
  'goals.metric.avg_score': 'Average score',
  'goals.unit.attendances': 'count',
  'goals.unit.conversions': 'count',
  'goals.unit.sale_value': 'R$',
  'goals.unit.conversion_rate': '%',
  'goals.unit.avg_score': 'score 0 to 100',
  'goals.period.week': 'Weekly',
  'goals.period.month': 'Monthly',
  'goals.status.ahead': 'Ahead',
  'goals.status.on_track': 'On track',
  'goals.status.behind': 'Behind',
  'goals.err.targetRequired': 'Enter the target.',
  'goals.err.teamRequired': 'Choose the team.',
  'goals.err.agentRequired': 'Choose the agent.',
  'goals.err.target.attendances': 'Use a whole number from 1.',
  'goals.err.target.conversions': 'Use a whole number from 1.',
  'goals.err.target.sale_value': 'Use an amount in reais, e.g. 12,345.67.',
  'goals.err.target.conversion_rate': 'Use a percentage between 0.01 and 100, e.g. 25 or 12.5.',
  'goals.err.target.avg_score': 'Use a score between 0.1 and 100, with at most one decimal.',
  'goals.card.of': 'of {target}',
  'goals.card.progressOf': 'Progress of the {metric} goal',
  'goals.card.expected': 'Expected by now: {value}',
  'goals.card.expectedLabel': 'Expected by now',
  'goals.card.projection': 'Projection at period end',
  'goals.dashboard.title': 'Goals of the current period',
  'goals.dashboard.manage': 'Manage goals',
  'goals.dashboard.define': 'Set goals',
  'goals.ranking.column': '% of goal',
  'goals.ranking.rule': "% of goal: the agent's own monthly goal (or weekly, without a monthly one) for {metric}, in the current period.",
});

/** `I18n.t` for the goals keys too: a `goals.` key reads this file's text, any other the app's. */
@Injectable({ providedIn: 'root' })
export class GoalText {
  private readonly i18n = inject(I18n);

  t(key: GoalTextKey | MessageKey, params?: MessageParams): string {
    if (!(key in GOALS_MESSAGES.pt)) return this.i18n.t(key as MessageKey, params);
    const language = this.i18n.language();
    return interpolate(language, GOALS_MESSAGES[language === 'en' ? 'en' : 'pt'][key as GoalTextKey], params);
  }
}

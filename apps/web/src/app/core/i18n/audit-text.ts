import type { AuditAction, AuditEntity } from '@fasto/contracts';
import type { Language } from './i18n.service';

type Text = Readonly<Record<Language, string>>;

/**
 * What the audit screen says for each action code the API records (libs/contracts/src/lib/audit.ts).
 * Records, so a code added there does not build until it is told in both languages.
 */
export const AUDIT_ACTION_TEXT: Readonly<Record<AuditAction, Text>> = {
  'auth.login': { 'pt-BR': 'Entrou', en: 'Signed in' },
  'auth.login_failed': { 'pt-BR': 'Tentativa de entrar falhou', en: 'Failed sign-in' },
  'auth.logout': { 'pt-BR': 'Saiu', en: 'Signed out' },
  'auth.refresh_token_reused': { 'pt-BR': 'Sessão reutilizada: encerrada por segurança', en: 'Session reused: ended for safety' },
  'auth.invite_accepted': { 'pt-BR': 'Aceitou o convite', en: 'Accepted the invitation' },
  'auth.password_reset_requested': { 'pt-BR': 'Pediu para redefinir a senha', en: 'Asked for a password reset' },
  'auth.password_reset': { 'pt-BR': 'Redefiniu a senha', en: 'Reset the password' },
  'auth.password_changed': { 'pt-BR': 'Trocou a senha', en: 'Changed the password' },
  'impersonation.started': { 'pt-BR': 'Suporte entrou como administrador', en: 'Support signed in as the admin' },
  'impersonation.request': { 'pt-BR': 'Ação do suporte como administrador', en: 'Support action as the admin' },
  'user.created': { 'pt-BR': 'Convidou', en: 'Invited' },
  'user.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'user.profile_updated': { 'pt-BR': 'Alterou o próprio perfil', en: 'Changed their own profile' },
  'team.created': { 'pt-BR': 'Criou', en: 'Created' },
  'team.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'team.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'funnel.created': { 'pt-BR': 'Criou', en: 'Created' },
  'funnel.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'funnel.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'funnel.reordered': { 'pt-BR': 'Reordenou as etapas', en: 'Reordered the stages' },
  'funnel_stage.created': { 'pt-BR': 'Criou', en: 'Created' },
  'funnel_stage.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'funnel_stage.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'origin_group.created': { 'pt-BR': 'Criou', en: 'Created' },
  'origin_group.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'origin_group.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'origin_group.reordered': { 'pt-BR': 'Reordenou as origens', en: 'Reordered the origins' },
  'origin_item.created': { 'pt-BR': 'Criou', en: 'Created' },
  'origin_item.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'origin_item.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'attendance.updated': { 'pt-BR': 'Corrigiu', en: 'Corrected' },
  'attendance.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'api_key.created': { 'pt-BR': 'Criou', en: 'Created' },
  'api_key.revoked': { 'pt-BR': 'Revogou', en: 'Revoked' },
  'webhook.created': { 'pt-BR': 'Criou', en: 'Created' },
  'webhook.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'webhook.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'goal.created': { 'pt-BR': 'Criou', en: 'Created' },
  'goal.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'goal.deleted': { 'pt-BR': 'Excluiu', en: 'Deleted' },
  'tv_link.created': { 'pt-BR': 'Criou', en: 'Created' },
  'tv_link.revoked': { 'pt-BR': 'Revogou', en: 'Revoked' },
  'tenant.created': { 'pt-BR': 'Criou', en: 'Created' },
  'tenant.updated': { 'pt-BR': 'Alterou', en: 'Changed' },
  'tenant.settings_updated': { 'pt-BR': 'Alterou as configurações', en: 'Changed the settings' },
  'tenant.suspended': { 'pt-BR': 'Suspendeu', en: 'Suspended' },
  'tenant.reactivated': { 'pt-BR': 'Reativou', en: 'Reactivated' },
  'tenant.cancelled': { 'pt-BR': 'Cancelou', en: 'Cancelled' },
};

/** The kinds of object an entry is about or refers to. */
export const AUDIT_ENTITY_TEXT: Readonly<Record<AuditEntity, Text>> = {
  user: { 'pt-BR': 'Usuário', en: 'User' },
  session: { 'pt-BR': 'Sessão', en: 'Session' },
  request: { 'pt-BR': 'Requisição', en: 'Request' },
  team: { 'pt-BR': 'Equipe', en: 'Team' },
  funnel: { 'pt-BR': 'Funil', en: 'Funnel' },
  funnel_stage: { 'pt-BR': 'Etapa do funil', en: 'Funnel stage' },
  origin_group: { 'pt-BR': 'Grupo de origens', en: 'Origin group' },
  origin_item: { 'pt-BR': 'Origem', en: 'Origin' },
  attendance: { 'pt-BR': 'Atendimento', en: 'Attendance' },
  api_key: { 'pt-BR': 'Chave de API', en: 'API key' },
  webhook: { 'pt-BR': 'Webhook', en: 'Webhook' },
  goal: { 'pt-BR': 'Meta', en: 'Goal' },
  tv_link: { 'pt-BR': 'Link de TV', en: 'TV link' },
  tenant: { 'pt-BR': 'Empresa', en: 'Company' },
};

/** Field names of `changes` people read often; any other field shows as recorded. */
export const AUDIT_FIELD_TEXT: Readonly<Record<string, Text>> = {
  name: { 'pt-BR': 'Nome', en: 'Name' },
  fullName: { 'pt-BR': 'Nome', en: 'Name' },
  email: { 'pt-BR': 'E-mail', en: 'E-mail' },
  role: { 'pt-BR': 'Papel', en: 'Role' },
  isActive: { 'pt-BR': 'Ativo', en: 'Active' },
  teamId: { 'pt-BR': 'Equipe', en: 'Team' },
  members: { 'pt-BR': 'Membros', en: 'Members' },
  funnelId: { 'pt-BR': 'Funil', en: 'Funnel' },
  originGroupId: { 'pt-BR': 'Grupo de origens', en: 'Origin group' },
  stageId: { 'pt-BR': 'Etapa', en: 'Stage' },
  funnelStageId: { 'pt-BR': 'Etapa', en: 'Stage' },
  originId: { 'pt-BR': 'Origem', en: 'Origin' },
  originItemId: { 'pt-BR': 'Origem', en: 'Origin' },
  userId: { 'pt-BR': 'Atendente', en: 'Agent' },
  color: { 'pt-BR': 'Cor', en: 'Color' },
  isWon: { 'pt-BR': 'Etapa de venda', en: 'Won stage' },
  order: { 'pt-BR': 'Ordem', en: 'Order' },
  entries: { 'pt-BR': 'Itens', en: 'Entries' },
  saleValue: { 'pt-BR': 'Valor da venda', en: 'Sale value' },
  converted: { 'pt-BR': 'Convertido', en: 'Converted' },
  score: { 'pt-BR': 'Nota', en: 'Score' },
  customerName: { 'pt-BR': 'Cliente', en: 'Customer' },
  plan: { 'pt-BR': 'Plano', en: 'Plan' },
  status: { 'pt-BR': 'Situação', en: 'Status' },
  timezone: { 'pt-BR': 'Fuso horário', en: 'Time zone' },
  prefix: { 'pt-BR': 'Prefixo', en: 'Prefix' },
  branding: { 'pt-BR': 'Marca', en: 'Branding' },
  logoUrl: { 'pt-BR': 'Logo', en: 'Logo' },
  primaryColor: { 'pt-BR': 'Cor principal', en: 'Primary color' },
  settings: { 'pt-BR': 'Configurações', en: 'Settings' },
  externalId: { 'pt-BR': 'Código externo', en: 'External id' },
  trialDays: { 'pt-BR': 'Dias de teste', en: 'Trial days' },
  slug: { 'pt-BR': 'Endereço', en: 'Slug' },
  method: { 'pt-BR': 'Método', en: 'Method' },
  path: { 'pt-BR': 'Endereço', en: 'Path' },
  outcome: { 'pt-BR': 'Resultado', en: 'Outcome' },
};

const told = <T extends string>(table: Readonly<Record<T, Text>>, language: Language, code: string): string =>
  code in table ? table[code as T][language] : code;

/** An action's label; a code this build does not know (a newer API) shows as sent. */
export const auditActionText = (language: Language, action: string): string => told(AUDIT_ACTION_TEXT, language, action);
export const auditEntityText = (language: Language, entity: string): string => told(AUDIT_ENTITY_TEXT, language, entity);
export const auditFieldText = (language: Language, field: string): string => told(AUDIT_FIELD_TEXT, language, field);

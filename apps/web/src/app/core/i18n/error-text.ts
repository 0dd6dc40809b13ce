import { HttpErrorResponse } from '@angular/common/http';
import { errorCodeOfStatus, type ApiErrorBody, type ErrorCode, type FieldError } from '@fasto/contracts';
import type { Language } from './i18n.service';
import type { FormProblem } from '@fasto/ui';

/**
 * What the UI says for each error `code` the API sends (never the API's own English text). A
 * Record, so a code added to the contracts does not build until it is told in both languages.
 */
export const ERROR_TEXT: Readonly<Record<ErrorCode, Readonly<Record<Language, string>>>> = {
  BAD_REQUEST: {
    'pt-BR': 'O pedido não pôde ser aceito. Confira os dados e tente de novo.',
    en: 'The request could not be accepted. Check the data and try again.',
  },
  UNAUTHORIZED: { 'pt-BR': 'Entre novamente para continuar.', en: 'Sign in again to continue.' },
  FORBIDDEN: { 'pt-BR': 'Você não tem permissão para isso.', en: 'You are not allowed to do that.' },
  NOT_FOUND: { 'pt-BR': 'Não encontrado: pode ter sido removido.', en: 'Not found: it may have been removed.' },
  METHOD_NOT_ALLOWED: { 'pt-BR': 'Operação não permitida.', en: 'Operation not allowed.' },
  REQUEST_TIMEOUT: { 'pt-BR': 'O servidor demorou demais. Tente de novo.', en: 'The server took too long. Try again.' },
  CONFLICT: { 'pt-BR': 'Isso conflita com dados existentes.', en: 'This conflicts with existing data.' },
  GONE: { 'pt-BR': 'Isso não está mais disponível.', en: 'This is no longer available.' },
  PAYLOAD_TOO_LARGE: { 'pt-BR': 'O conteúdo enviado é grande demais.', en: 'What was sent is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { 'pt-BR': 'Formato não aceito.', en: 'Format not accepted.' },
  UNPROCESSABLE_ENTITY: { 'pt-BR': 'Os dados não puderam ser processados.', en: 'The data could not be processed.' },
  HEADERS_TOO_LARGE: { 'pt-BR': 'O pedido é grande demais.', en: 'The request is too large.' },
  TOO_MANY_REQUESTS: { 'pt-BR': 'Muitas tentativas. Aguarde um pouco e tente de novo.', en: 'Too many attempts. Wait a moment and try again.' },
  INTERNAL_ERROR: { 'pt-BR': 'Algo deu errado no servidor. Tente de novo.', en: 'Something went wrong on the server. Try again.' },
  SERVICE_UNAVAILABLE: {
    'pt-BR': 'O serviço está indisponível no momento. Tente em instantes.',
    en: 'The service is unavailable right now. Try again shortly.',
  },
  VALIDATION_FAILED: { 'pt-BR': 'Alguns campos estão inválidos.', en: 'Some fields are not valid.' },
  JSON_TOO_DEEP: { 'pt-BR': 'O conteúdo enviado tem níveis demais.', en: 'What was sent is nested too deeply.' },
  MALFORMED_JSON: { 'pt-BR': 'O pedido chegou corrompido. Tente de novo.', en: 'The request arrived garbled. Try again.' },
  INVALID_CURSOR: { 'pt-BR': 'A lista mudou. Recarregue a página.', en: 'The list changed. Reload the page.' },
  INVALID_CREDENTIALS: { 'pt-BR': 'E-mail ou senha incorretos.', en: 'Wrong email or password.' },
  INVALID_ACCESS_TOKEN: { 'pt-BR': 'Sua sessão expirou. Entre novamente.', en: 'Your session expired. Sign in again.' },
  SESSION_REVOKED: { 'pt-BR': 'Sua sessão foi encerrada. Entre novamente.', en: 'Your session was ended. Sign in again.' },
  NO_SESSION: { 'pt-BR': 'Você não está conectado.', en: 'You are not signed in.' },
  INVALID_API_KEY: { 'pt-BR': 'Chave de API inválida ou revogada.', en: 'Invalid or revoked API key.' },
  INVALID_RESET_LINK: { 'pt-BR': 'Link inválido ou expirado. Peça um novo.', en: 'Invalid or expired link. Ask for a new one.' },
  INVALID_INVITATION: {
    'pt-BR': 'Este convite não vale mais. Peça um novo ao administrador.',
    en: 'This invitation is no longer valid. Ask your administrator for a new one.',
  },
  INVALID_TV_TOKEN: {
    'pt-BR': 'Este link de TV não vale mais. Peça um novo ao administrador.',
    en: 'This TV link is no longer valid. Ask your administrator for a new one.',
  },
  TENANT_INACTIVE: { 'pt-BR': 'O acesso desta empresa está suspenso.', en: "This company's access is suspended." },
  NOT_ALLOWED_WHILE_IMPERSONATING: { 'pt-BR': 'Não permitido enquanto você atua como outra pessoa.', en: 'Not allowed while acting as someone else.' },
  EMAIL_TAKEN: { 'pt-BR': 'Este e-mail já está em uso.', en: 'This email is already in use.' },
  NAME_TAKEN: { 'pt-BR': 'Já existe um item com esse nome.', en: 'Something with that name already exists.' },
  SLUG_TAKEN: { 'pt-BR': 'Este identificador já está em uso.', en: 'This identifier is already in use.' },
  EMAIL_UNAVAILABLE: { 'pt-BR': 'Este e-mail não pode ser usado aqui.', en: 'This email cannot be used here.' },
  LAST_ADMIN: { 'pt-BR': 'A empresa precisa de pelo menos um administrador ativo.', en: 'The company needs at least one active admin.' },
  WEBHOOK_URL_REFUSED: {
    'pt-BR': 'Endereço de webhook recusado: use http(s) para um servidor público.',
    en: 'Webhook address refused: use http(s) to a public server.',
  },
  GOAL_EXISTS: {
    'pt-BR': 'Já existe uma meta com essa métrica e esse período para quem você escolheu.',
    en: 'There is already a goal with this metric and period for who you chose.',
  },
};

const NETWORK: Readonly<Record<Language, string>> = {
  'pt-BR': 'Sem conexão com o servidor. Verifique sua internet e tente de novo.',
  en: 'No connection to the server. Check your network and try again.',
};

/** API field names as the forms label them, for validation failures. */
const FIELD_LABELS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  'pt-BR': {
    email: 'E-mail',
    fullName: 'Nome completo',
    name: 'Nome',
    phone: 'Telefone',
    role: 'Papel',
    teamId: 'Equipe',
    slug: 'Identificador',
    plan: 'Plano',
    timezone: 'Fuso horário',
    color: 'Cor',
    password: 'Senha',
    newPassword: 'Nova senha',
    currentPassword: 'Senha atual',
    saleValue: 'Valor da venda',
    lowScoreThreshold: 'Nota baixa',
    firstResponseSlaMinutes: 'Tempo de 1ª resposta',
    primaryColor: 'Cor principal',
    logoUrl: 'Logo',
    avatarUrl: 'Foto',
    url: 'Endereço (URL)',
    events: 'Eventos',
  },
  en: {
    email: 'Email',
    fullName: 'Full name',
    name: 'Name',
    phone: 'Phone',
    role: 'Role',
    teamId: 'Team',
    slug: 'Identifier',
    plan: 'Plan',
    timezone: 'Time zone',
    color: 'Color',
    password: 'Password',
    newPassword: 'New password',
    currentPassword: 'Current password',
    saleValue: 'Sale value',
    lowScoreThreshold: 'Low score',
    firstResponseSlaMinutes: 'First response time',
    primaryColor: 'Primary color',
    logoUrl: 'Logo',
    avatarUrl: 'Photo',
    url: 'Address (URL)',
    events: 'Events',
  },
};

const FIELD: Readonly<Record<Language, string>> = { 'pt-BR': 'Campo inválido: {field}', en: 'Invalid field: {field}' };

const body = (error: unknown): Partial<ApiErrorBody> | null =>
  error instanceof HttpErrorResponse && error.error && typeof error.error === 'object' ? (error.error as Partial<ApiErrorBody>) : null;

const codeSet: Readonly<Record<string, true>> = Object.fromEntries(Object.keys(ERROR_TEXT).map((code) => [code, true]));

/** The error's code: the body's, else the generic one of its status; null when the server was never reached. */
export function errorCode(error: unknown): ErrorCode | null {
  const code = body(error)?.code;
  if (typeof code === 'string' && code in codeSet) return code as ErrorCode;
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  return status === 0 ? null : errorCodeOfStatus(status);
}

/** One translated sentence for any failed request. */
export function errorText(language: Language, error: unknown): string {
  const code = errorCode(error);
  return code === null ? NETWORK[language] : ERROR_TEXT[code][language];
}

/**
 * A validation failure lists its fields (named with the form's labels when known); anything else is
 * one translated sentence.
 */
export function errorTexts(language: Language, error: unknown, labels: Readonly<Record<string, string>> = {}): string[] {
  return errorProblems(language, error, labels).map((problem) => problem.message);
}

/** Like `errorTexts`, each message keeping the API field it is about (null for the whole request), so a form can show it there. */
export function errorProblems(language: Language, error: unknown, labels: Readonly<Record<string, string>> = {}): FormProblem[] {
  const details = Array.isArray(body(error)?.details) ? (body(error)?.details as FieldError[]) : [];
  const fields = details.map((detail) => detail.field).filter((field): field is string => typeof field === 'string');
  if (errorCode(error) !== 'VALIDATION_FAILED' || fields.length === 0) return [{ field: null, message: errorText(language, error) }];
  const known = { ...FIELD_LABELS[language], ...labels };
  return fields.map((field) => ({ field, message: FIELD[language].replace('{field}', known[field] ?? known[field.split('.')[0]] ?? field) }));
}

import {
  ErrorCode,
  type ApiErrorBody,
  type BatchIngestItemResult,
  type FieldError,
  type FunnelView,
  type IngestResult,
  type IntegrationUser,
  type OriginGroupView,
} from '@fasto/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiResponse, type ApiResponseOptions } from '@nestjs/swagger';
import { ApiErrorBodyDto, FieldErrorDto } from '../../core/http/error-body.schema';
import { BATCH_INGEST_BODY, INGEST_ATTENDANCE_BODY } from './dto/batch-ingest.dto';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import {
  BatchIngestResponseDto,
  FunnelsResponseDto,
  IngestResultDto,
  IntegrationUsersResponseDto,
  OriginGroupsResponseDto,
} from './dto/integration-responses.dto';

// Request and response examples of the n8n integration routes, shown at /api/docs. Typed against
// the shared contracts so that a contract change breaks the build instead of silently lying here.

export const example = <T>(summary: string, value: T) => ({ summary, value });

const attendance = {
  external_id: 'wa-5511999990000-2026-03-10T12:00',
  agent_email: 'agent@demo.fasto.app',
  stage_name: 'Proposta',
  origin_name: 'Instagram',
  customer_name: 'Maria Souza',
  customer_phone: '+55 11 99999-0000',
  channel: 'whatsapp',
  title: 'Plano Pro',
  summary: 'Cliente quer o plano Pro para 5 usuários.',
  full_summary: 'Análise completa da IA sobre a conversa.',
  score: 82,
  first_response_time_min: 4.5,
  handling_time_min: 22,
  converted: true,
  sale_value: 1490.9,
  attended_at: '2026-03-10T12:00:00-03:00',
} satisfies Partial<Record<keyof IngestAttendanceDto, unknown>>;

export const error = (statusCode: number, code: ErrorCode, message: string, details?: FieldError[]): ApiErrorBody => ({
  statusCode,
  code,
  error: message,
  message,
  ...(details ? { details } : {}),
});

const ERRORS = {
  401: example('Missing, unknown or revoked API key', error(401, ErrorCode.InvalidApiKey, 'Invalid API key')),
  403: example('A user JWT instead of an API key', error(403, ErrorCode.Forbidden, 'This route accepts tenant API keys only')),
  429: example(
    'Per-key budget spent (see Retry-After and X-RateLimit-*)',
    error(429, ErrorCode.TooManyRequests, 'Rate limit of 600 requests per minute for this key exceeded; retry in 12 s'),
  ),
};

const integer = (description: string) => ({ description, schema: { type: 'integer' as const } });

/** Sent with every answer that passed the API-key check (the key's and the organization's budgets). */
const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': integer('Requests per minute allowed for this key'),
  'X-RateLimit-Remaining': integer('Requests that can be made right now (the lower of the key and organization budgets)'),
  'X-RateLimit-Reset': integer('Seconds until the budget is full again'),
};

/** An answer of an integration route: its schema and the rate-limit headers. */
export const answer = (options: ApiResponseOptions & { status: number }, extraHeaders = {}) =>
  ApiResponse({ ...options, headers: { ...RATE_LIMIT_HEADERS, ...extraHeaders } } as ApiResponseOptions);

/** An error answer: the one error body. */
export const failure = (status: number, description: string, examples: Record<string, { summary: string; value: ApiErrorBody }>, extraHeaders = {}) =>
  answer({ status, description, type: ApiErrorBodyDto, examples }, extraHeaders);

/** 401, 403 and 429: what every integration route can answer (the API-key scheme is declared by `@IntegrationRoute()`). */
export const commonErrors = () => [
  ApiExtraModels(FieldErrorDto),
  ApiResponse({ status: 401, description: 'No valid API key', type: ApiErrorBodyDto, examples: { invalid: ERRORS[401] } }),
  ApiResponse({ status: 403, description: 'Not an API key', type: ApiErrorBodyDto, examples: { jwt: ERRORS[403] } }),
  failure(
    429,
    'Rate limited: wait Retry-After seconds',
    { rateLimited: ERRORS[429] },
    { 'Retry-After': integer('Seconds until the next request is accepted') },
  ),
];

const user: IntegrationUser = {
  id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a80',
  name: 'Alice Atendente',
  email: 'agent@demo.fasto.app',
  role: 'agent',
  teamId: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a81',
  teamName: 'Time Alfa',
};
const team = { id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a81', name: 'Time Alfa' };

export const ApiIntegrationUsers = () =>
  applyDecorators(
    ...commonErrors(),
    answer({
      status: 200,
      description: 'Active agents and managers',
      type: IntegrationUsersResponseDto,
      examples: { users: example('One agent', { items: [user] }) },
    }),
  );

export const ApiIntegrationFunnels = () =>
  applyDecorators(
    ...commonErrors(),
    answer({
      status: 200,
      description: 'Funnels with their stages in order',
      type: FunnelsResponseDto,
      examples: {
        funnels: example('One funnel', {
          items: [
            {
              id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a90',
              name: 'Funil de Vendas',
              stages: [
                { id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a91', name: 'Proposta', color: '#3b82f6', position: 0, isWon: false },
                { id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a92', name: 'Fechado', color: '#22c55e', position: 1, isWon: true },
              ],
              teams: [team],
              createdAt: '2026-01-05T14:00:00.000Z',
            } satisfies FunnelView,
          ],
        }),
      },
    }),
  );

export const ApiIntegrationOrigins = () =>
  applyDecorators(
    ...commonErrors(),
    answer({
      status: 200,
      description: 'Origin groups with their items in order',
      type: OriginGroupsResponseDto,
      examples: {
        origins: example('One origin group', {
          items: [
            {
              id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7aa0',
              name: 'Redes sociais',
              items: [{ id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7aa1', name: 'Instagram', color: '#e1306c', position: 0 }],
              teams: [team],
              createdAt: '2026-01-05T14:00:00.000Z',
            } satisfies OriginGroupView,
          ],
        }),
      },
    }),
  );

const created: IngestResult = { id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ab0', status: 'created', warnings: [] };
const validation = error(400, ErrorCode.ValidationFailed, 'Validation failed: score must not be greater than 100', [
  { field: 'score', messages: ['score must not be greater than 100'] },
]);

const future = error(400, ErrorCode.ValidationFailed, 'attended_at is more than a day in the future', [
  { field: 'attended_at', messages: ['attended_at is more than a day in the future'] },
]);

export const ApiIngestAttendance = () =>
  applyDecorators(
    ...commonErrors(),
    ApiBody({
      schema: INGEST_ATTENDANCE_BODY,
      examples: {
        byName: example('Agent by e-mail, stage and origin by name', attendance),
        minimal: example('Only what is required', { external_id: 'wa-5511988887777-2026-03-11T09:30', attended_at: '2026-03-11T09:30:00-03:00' }),
      },
    }),
    answer({ status: 201, description: 'Created', type: IngestResultDto, examples: { created: example('A new attendance', created) } }),
    answer({
      status: 200,
      description: 'The external_id was seen before: updated, or unchanged when nothing differs',
      type: IngestResultDto,
      examples: {
        updated: example('Changed fields', { ...created, status: 'updated' } satisfies IngestResult),
        unchanged: example('A retry', { ...created, status: 'unchanged' } satisfies IngestResult),
        unknownStage: example('Stored, with a warning', {
          ...created,
          status: 'created',
          warnings: ['stage "Propostaa" not found; stored without stage'],
        } satisfies IngestResult),
      },
    }),
    failure(400, 'Invalid fields (nothing stored)', {
      invalid: example('Score out of range', validation),
      future: example('attended_at too far ahead', future),
    }),
    failure(413, 'Body over the size limit', { tooLarge: example('Too large', error(413, ErrorCode.PayloadTooLarge, 'Request body is too large')) }),
  );

const batchResults: BatchIngestItemResult[] = [
  { index: 0, externalId: attendance.external_id, status: 'created', id: created.id },
  { index: 1, externalId: 'wa-5511977776666-2026-03-10T15:10', status: 'unchanged', id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ab1' },
  {
    index: 2,
    externalId: 'wa-5511966665555-2099-03-10T16:45',
    status: 'error',
    error: { code: future.code, message: future.message, details: future.details },
  },
];

export const ApiIngestBatch = () =>
  applyDecorators(
    ...commonErrors(),
    ApiBody({
      schema: BATCH_INGEST_BODY,
      examples: {
        batch: example('Three conversations', {
          items: [
            attendance,
            { external_id: 'wa-5511977776666-2026-03-10T15:10', attended_at: '2026-03-10T15:10:00-03:00' },
            // Well formed, but dated years ahead: refused by Fasto, never stored.
            { external_id: 'wa-5511966665555-2099-03-10T16:45', attended_at: '2099-03-10T16:45:00-03:00' },
          ],
        }),
      },
    }),
    answer({
      status: 200,
      description: 'One result per item, in order; a bad item never rejects the others: check each `status` for "error"',
      type: BatchIngestResponseDto,
      examples: { results: example('Created, unchanged and a refused item', { results: batchResults }) },
    }),
    failure(400, 'The batch itself is malformed (items missing, empty or over 500)', {
      tooMany: example(
        'Too many items',
        error(400, ErrorCode.ValidationFailed, 'Validation failed: items holds at most 500 attendances per batch', [
          { field: 'items', messages: ['items holds at most 500 attendances per batch'] },
        ]),
      ),
    }),
    failure(413, 'Body over the size limit', { tooLarge: example('Too large', error(413, ErrorCode.PayloadTooLarge, 'Request body is too large')) }),
  );

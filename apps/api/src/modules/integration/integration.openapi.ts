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
import { ApiBody, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import { BatchIngestDto } from './dto/batch-ingest.dto';
import { IngestAttendanceDto } from './dto/ingest-attendance.dto';

// Request and response examples of the n8n integration routes, shown at /api/docs. Typed against
// the shared contracts so that a contract change breaks the build instead of silently lying here.

const example = <T>(summary: string, value: T) => ({ summary, value });

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

const error = (statusCode: number, code: ErrorCode, message: string, details?: FieldError[]): ApiErrorBody => ({
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

/** 401, 403 and 429: what every integration route can answer. */
const commonErrors = () => [
  ApiSecurity('api-key'),
  ApiResponse({ status: 401, description: 'No valid API key', examples: { invalid: ERRORS[401] } }),
  ApiResponse({ status: 403, description: 'Not an API key', examples: { jwt: ERRORS[403] } }),
  ApiResponse({ status: 429, description: 'Rate limited', examples: { rateLimited: ERRORS[429] } }),
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
    ApiResponse({ status: 200, description: 'Active agents and managers', examples: { users: example('One agent', { items: [user] }) } }),
  );

export const ApiIntegrationFunnels = () =>
  applyDecorators(
    ...commonErrors(),
    ApiResponse({
      status: 200,
      description: 'Funnels with their stages in order',
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
    ApiResponse({
      status: 200,
      description: 'Origin groups with their items in order',
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

export const ApiIngestAttendance = () =>
  applyDecorators(
    ...commonErrors(),
    ApiBody({
      type: IngestAttendanceDto,
      examples: {
        byName: example('Agent by e-mail, stage and origin by name', attendance),
        minimal: example('Only what is required', { external_id: 'wa-5511988887777-2026-03-11T09:30', attended_at: '2026-03-11T09:30:00-03:00' }),
      },
    }),
    ApiResponse({ status: 201, description: 'Created', examples: { created: example('A new attendance', created) } }),
    ApiResponse({
      status: 200,
      description: 'The external_id was seen before: updated, or unchanged when nothing differs',
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
    ApiResponse({
      status: 400,
      description: 'Invalid fields (nothing stored)',
      examples: {
        invalid: example('Score out of range', validation),
        future: example(
          'attended_at too far ahead',
          error(400, ErrorCode.ValidationFailed, 'attended_at is more than a day in the future', [
            { field: 'attended_at', messages: ['attended_at is more than a day in the future'] },
          ]),
        ),
      },
    }),
    ApiResponse({
      status: 413,
      description: 'Body over the size limit',
      examples: { tooLarge: example('Too large', error(413, ErrorCode.PayloadTooLarge, 'Request body is too large')) },
    }),
  );

const batchResults: BatchIngestItemResult[] = [
  { index: 0, externalId: attendance.external_id, status: 'created', id: created.id },
  { index: 1, externalId: 'wa-5511977776666-2026-03-10T15:10', status: 'unchanged', id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ab1' },
  {
    index: 2,
    externalId: 'wa-5511966665555-2026-03-10T16:45',
    status: 'error',
    error: { code: validation.code, message: validation.message, details: validation.details },
  },
];

export const ApiIngestBatch = () =>
  applyDecorators(
    ...commonErrors(),
    ApiBody({
      type: BatchIngestDto,
      examples: {
        batch: example('Three conversations', {
          items: [
            attendance,
            { external_id: 'wa-5511977776666-2026-03-10T15:10', attended_at: '2026-03-10T15:10:00-03:00' },
            { external_id: 'wa-5511966665555-2026-03-10T16:45', attended_at: '2026-03-10T16:45:00-03:00', score: 150 },
          ],
        }),
      },
    }),
    ApiResponse({
      status: 200,
      description: 'One result per item, in order; a bad item never rejects the others',
      examples: { results: example('Created, unchanged and a refused item', { results: batchResults }) },
    }),
    ApiResponse({
      status: 400,
      description: 'The batch itself is malformed (items missing, empty or over 500)',
      examples: {
        tooMany: example(
          'Too many items',
          error(400, ErrorCode.ValidationFailed, 'Validation failed: items holds at most 500 attendances per batch', [
            { field: 'items', messages: ['items holds at most 500 attendances per batch'] },
          ]),
        ),
      },
    }),
    ApiResponse({
      status: 413,
      description: 'Body over the size limit',
      examples: { tooLarge: example('Too large', error(413, ErrorCode.PayloadTooLarge, 'Request body is too large')) },
    }),
  );

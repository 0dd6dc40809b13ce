import { ErrorCode, type IntegrationAttendance, type IntegrationAttendancePage } from '@fasto/contracts';
import { applyDecorators } from '@nestjs/common';
import { IntegrationAttendancePageDto } from './dto/integration-attendance.dto';
import { answer, commonErrors, error, example, failure } from './integration.openapi';

// Examples of the sync read-back, shown at /api/docs; typed against the shared contract.

const synced: IntegrationAttendance = {
  id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ab0',
  external_id: 'wa-5511999990000-2026-03-10T12:00',
  attended_at: '2026-03-10T15:00:00.000Z',
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
  agent_id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a80',
  agent_name: 'Alice Atendente',
  agent_email: 'agent@demo.fasto.app',
  team_id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a81',
  team_name: 'Time Alfa',
  stage_id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7a91',
  stage_name: 'Proposta',
  origin_id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7aa1',
  origin_name: 'Instagram',
  created_at: '2026-03-10T15:01:02.345Z',
  updated_at: '2026-03-10T15:20:00.000Z',
  deleted_at: null,
};

const deleted: IntegrationAttendance = {
  ...synced,
  id: '0193a1f2-6c1e-7d3a-9b2e-1c4d5e6f7ab1',
  external_id: 'wa-5511977776666-2026-03-10T15:10',
  converted: false,
  sale_value: null,
  updated_at: '2026-03-11T09:00:00.000Z',
  deleted_at: '2026-03-11T09:00:00.000Z',
};

export const ApiIntegrationAttendances = () =>
  applyDecorators(
    ...commonErrors(),
    answer({
      status: 200,
      description: 'Attendances in the order of their last change, deleted ones included (`deleted_at` set); follow `next_cursor` until null',
      type: IntegrationAttendancePageDto,
      examples: {
        page: example('A page with one more to read', {
          items: [synced, deleted],
          next_cursor: 'WyIyMDI2LTAzLTExVDA5OjAwOjAwLjAwMFoiLCIwMTkzYTFmMi02YzFlLTdkM2EtOWIyZS0xYzRkNWU2ZjdhYjEiXQ',
        } satisfies IntegrationAttendancePage),
        last: example('The last page', { items: [], next_cursor: null } satisfies IntegrationAttendancePage),
      },
    }),
    failure(400, 'A bad query parameter (nothing read)', {
      since: example(
        'updated_since is not a date',
        error(400, ErrorCode.ValidationFailed, 'Validation failed: updated_since must be an ISO 8601 date-time, e.g. 2026-03-10T12:00:00Z', [
          { field: 'updated_since', messages: ['updated_since must be an ISO 8601 date-time, e.g. 2026-03-10T12:00:00Z'] },
        ]),
      ),
      cursor: example('A cursor Fasto did not hand out', error(400, ErrorCode.InvalidCursor, 'cursor is not valid')),
    }),
  );

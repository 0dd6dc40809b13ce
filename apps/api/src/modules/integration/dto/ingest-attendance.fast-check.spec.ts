import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IngestAttendanceDto } from './ingest-attendance.dto';
import { validIngestItem } from './ingest-attendance.fast-check';

const UUID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

/** Per field: values the DTO accepts and values it refuses, boundaries included. */
const CANDIDATES: Record<string, unknown[]> = {
  external_id: ['wa-5511999990000', '  padded  ', '', '   ', 'x'.repeat(128), 'x'.repeat(129), 'tab\there', 'ação', 42, null],
  user_id: [UUID, UUID.toUpperCase(), 'not-a-uuid', '', 5, null],
  agent_email: [
    'agent@demo.fasto.app',
    'Agent@Demo.Fasto.App',
    'nope',
    'a@b',
    `${'a'.repeat(64)}@${'b'.repeat(180)}.com`,
    `${'a'.repeat(64)}@${'b'.repeat(190)}.com`,
    1,
    null,
  ],
  stage_id: [UUID, 'x', null],
  stage_name: ['Proposta', '  Proposta ', 'x'.repeat(80), ` ${'x'.repeat(80)} `, 'x'.repeat(81), '', '   ', 3, null],
  origin_id: [UUID, 'x', null],
  origin_name: ['Instagram', 'INSTAGRAM ', 'x'.repeat(81), '', null, false],
  customer_name: ['Maria Souza', 'x'.repeat(160), 'x'.repeat(161), '😀'.repeat(160), '😀'.repeat(161), '', null, 7],
  customer_phone: ['+55 11 99999-0000', 'x'.repeat(32), 'x'.repeat(33), null],
  channel: ['whatsapp', 'instagram', 'other', 'WhatsApp', 'fax', '', 1, null],
  title: ['Plano Pro', 'x'.repeat(200), 'x'.repeat(201), null],
  summary: ['Resumo', 'x'.repeat(5000), 'x'.repeat(5001), null, {}],
  full_summary: ['Análise', 'x'.repeat(100_000), 'x'.repeat(100_001), null, []],
  score: [0, 100, 72, -1, 101, 50.5, '50', Number.MAX_SAFE_INTEGER, null],
  first_response_time_min: [0, 4.5, 525_600, 525_601, -0.1, '3', true, null],
  handling_time_min: [0, 22, 525_600.5, -5, null],
  converted: [true, false, 'true', 0, 1, null],
  sale_value: [0, 10.5, 10.55, 10.555, 0.1 + 0.2, 1e-7, 5e-324, -1, 999_999_999_999, 1_000_000_000_000, '10', null],
  attended_at: ['2026-03-10T12:00:00-03:00', '2026-03-10T12:00:00Z', '2026-03-10', '2026-02-30T10:00:00Z', '0100-03-10T12:00:00Z', '1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z', '2026-03-10 12:00', 'yesterday', '', 123, null],
  tenantId: ['another-tenant'],
  role: ['admin'],
};
const REQUIRED = new Set(['external_id', 'attended_at']);

/** Deterministic, so a failure replays: a small linear congruential generator. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function itemFrom(random: () => number): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(CANDIDATES)) {
    const unknownField = field === 'tenantId' || field === 'role';
    // Mostly valid-looking items (the first candidate), so that both verdicts are well represented.
    const roll = random();
    if (unknownField ? roll < 0.97 : !REQUIRED.has(field) && roll < 0.3) continue;
    item[field] = roll < 0.75 ? values[0] : values[Math.floor(random() * values.length)];
  }
  return item;
}

const classValidatorVerdict = (raw: Record<string, unknown>) => {
  const instance = plainToInstance(IngestAttendanceDto, raw);
  return { instance, valid: validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }).length === 0 };
};

describe('the batch fast check of IngestAttendanceDto', () => {
  it('says yes exactly when class-validator does, and then gives the same object (20,000 generated items)', () => {
    const random = randomSource(20261129);
    let accepted = 0;
    for (let run = 0; run < 20_000; run++) {
      const raw = itemFrom(random);
      const expected = classValidatorVerdict(raw);
      const fast = validIngestItem(raw);
      if ((fast !== null) !== expected.valid) throw new Error(`verdicts differ (class-validator: ${expected.valid}) for ${JSON.stringify(raw).slice(0, 400)}`);
      if (fast) {
        expect(fast).toBeInstanceOf(IngestAttendanceDto);
        expect({ ...fast }).toEqual({ ...expected.instance });
        accepted++;
      }
    }
    // Both answers must be well represented for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(2_000);
    expect(accepted).toBeLessThan(18_000);
  });

  it('refuses what the whitelist refuses, and items missing a required field', () => {
    const valid = { external_id: ' wa-1 ', attended_at: '2026-03-10T12:00:00Z' };
    expect(validIngestItem(valid)).toEqual(Object.assign(new IngestAttendanceDto(), { external_id: 'wa-1', attended_at: '2026-03-10T12:00:00Z' }));
    expect(validIngestItem({ ...valid, tenantId: 'x' })).toBeNull();
    expect(validIngestItem({ ...valid, constructor: 'x' })).toBeNull();
    expect(validIngestItem({ external_id: 'wa-1' })).toBeNull();
    expect(validIngestItem({ attended_at: '2026-03-10T12:00:00Z' })).toBeNull();
  });
});

import { attendanceBody, chunks, type AttendanceParameters } from './attendance';

const parameters = (changes: Partial<AttendanceParameters> = {}): AttendanceParameters => ({
  externalId: ' wa-1 ',
  attendedAt: '2026-03-10T12:00:00-03:00',
  agentId: '',
  stageId: '',
  originId: '',
  additionalFields: {},
  ...changes,
});

describe('attendanceBody', () => {
  it('maps the node fields to the ingest body, leaving empty ones to Fasto’s defaults', () => {
    expect(attendanceBody(parameters())).toEqual({ external_id: 'wa-1', attended_at: '2026-03-10T12:00:00-03:00' });
    expect(
      attendanceBody(
        parameters({
          agentId: 'u1',
          stageId: 's1',
          originId: 'o1',
          additionalFields: { customer_name: 'Maria', score: 0, converted: false, sale_value: 990.5, title: '', summary: null, unknown_field: 'x' },
        }),
      ),
    ).toEqual({
      external_id: 'wa-1',
      attended_at: '2026-03-10T12:00:00-03:00',
      user_id: 'u1',
      stage_id: 's1',
      origin_id: 'o1',
      customer_name: 'Maria',
      score: 0,
      converted: false,
      sale_value: 990.5,
    });
  });

  it('sends names and e-mail when no id was chosen', () => {
    const body = attendanceBody(parameters({ additionalFields: { agent_email: 'a@b.c', stage_name: 'Proposta', origin_name: 'Instagram' } }));
    expect(body).toMatchObject({ agent_email: 'a@b.c', stage_name: 'Proposta', origin_name: 'Instagram' });
    expect(body).not.toHaveProperty('user_id');
  });

  it('writes a Date or a Luxon-like DateTime from an expression as ISO 8601', () => {
    expect(attendanceBody(parameters({ attendedAt: new Date('2026-03-10T15:00:00Z') })).attended_at).toBe('2026-03-10T15:00:00.000Z');
    expect(attendanceBody(parameters({ attendedAt: { toISO: () => '2026-03-10T12:00:00.000-03:00' } })).attended_at).toBe('2026-03-10T12:00:00.000-03:00');
  });
});

describe('chunks', () => {
  it('splits into batches of at most 500, in order', () => {
    const items = Array.from({ length: 1001 }, (_, index) => index);
    const batches = chunks(items);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 1]);
    expect(batches.flat()).toEqual(items);
    expect(chunks([])).toEqual([]);
  });
});

import { checkBatchEnvelope } from './batch-ingest.dto';
import { checkIngestItem } from './ingest-attendance.dto';

const item = { external_id: ' wa-1 ', attended_at: '2026-03-10T12:00:00-03:00' };
const failureOf = (raw: unknown) => checkIngestItem(raw).failure;

describe('the ingest body schema', () => {
  it('accepts a valid item, trimmed, and absent or null optional fields', () => {
    expect(checkIngestItem({ ...item, score: 82, channel: null, sale_value: 1490.9, agent_email: 'a@b.co' }).value).toEqual({
      ...item,
      external_id: 'wa-1',
      score: 82,
      channel: null,
      sale_value: 1490.9,
      agent_email: 'a@b.co',
    });
  });

  it('words each failure as class-validator did, per field, the first as the headline', () => {
    expect(failureOf({ ...item, score: 101 })).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Validation failed: score must not be greater than 100',
      details: [{ field: 'score', messages: ['score must not be greater than 100'] }],
    });
    expect(failureOf({ ...item, score: 2.5 })?.details).toEqual([{ field: 'score', messages: ['score must be an integer number'] }]);
    expect(failureOf({ ...item, sale_value: 1.234 })?.details).toEqual([
      { field: 'sale_value', messages: ['sale_value must be a number with at most two decimal places'] },
    ]);
    expect(failureOf({ ...item, user_id: 'x', agent_email: 'nope' })?.details).toEqual([
      { field: 'user_id', messages: ['user_id must be a UUID'] },
      { field: 'agent_email', messages: ['agent_email must be an email'] },
    ]);
    expect(failureOf({ ...item, channel: 'fax' })?.message).toBe('Validation failed: channel must be one of the following values: whatsapp, instagram, other');
    expect(failureOf({ ...item, external_id: 'a\u0007b' })?.message).toBe('Validation failed: external_id must not contain control characters');
    expect(failureOf({ ...item, external_id: '   ' })?.message).toBe('Validation failed: external_id must be longer than or equal to 1 characters');
    expect(failureOf({ ...item, attended_at: '0100-01-01T00:00:00Z' })?.details).toEqual([
      { field: 'attended_at', messages: ['attended_at must not be before 2000-01-01'] },
    ]);
    expect(failureOf({ ...item, attended_at: 'yesterday' })?.details?.[0].messages[0]).toBe('attended_at must be a valid ISO 8601 date string');
    expect(failureOf({ ...item, tenantId: 't-2' })?.details).toEqual([{ field: 'tenantId', messages: ['property tenantId should not exist'] }]);
    expect(failureOf({ attended_at: item.attended_at })?.details).toEqual([{ field: 'external_id', messages: ['external_id is required'] }]);
    expect(failureOf({ ...item, title: 7 })?.details).toEqual([{ field: 'title', messages: ['title must be a string'] }]);
  });

  it('refuses what is not an object, and text that is not valid Unicode, without throwing', () => {
    expect(failureOf(null)?.message).toBe('Validation failed: the body must be a JSON object');
    expect(failureOf([item])?.message).toBe('Validation failed: the body must be a JSON object');
    expect(failureOf({ ...item, agent_email: '\ud800@demo.fasto.app' })?.message).toBe('Validation failed: text must be valid Unicode');
  });

  it('checks only the envelope of a batch, with its own wording', () => {
    expect(checkBatchEnvelope({ items: [{ anything: 1 }] }).value).toEqual({ items: [{ anything: 1 }] });
    expect(checkBatchEnvelope({ items: new Array(501).fill({}) }).failure?.message).toBe('Validation failed: items holds at most 500 attendances per batch');
    expect(checkBatchEnvelope({ items: [{}, 1] }).failure?.details).toEqual([{ field: 'items', messages: ['each item must be an object'] }]);
    expect(checkBatchEnvelope({ items: [] }).failure?.message).toBe('Validation failed: items must contain at least 1 elements');
    expect(checkBatchEnvelope({}).failure?.message).toBe('Validation failed: items is required');
  });
});

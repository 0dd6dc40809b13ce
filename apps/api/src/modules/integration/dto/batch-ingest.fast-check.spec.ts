import 'reflect-metadata';
import { MAX_BATCH_SIZE } from '@fasto/contracts';
import { createValidationPipe } from '../../../core/errors/validation.pipe';
import { BatchIngestDto } from './batch-ingest.dto';
import { validBatchEnvelope } from './batch-ingest.fast-check';

/** A body as the JSON parser gives it (structuredClone's objects come from another realm under Jest). */
const parsed = (envelope: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(envelope));

const items = (count: number) => Array.from({ length: count }, (_, index) => ({ external_id: `wa-${index}`, nested: { deep: [index] } }));

/** Envelopes the pipe accepts and refuses, boundaries included. */
const ENVELOPES: Record<string, unknown>[] = [
  { items: items(1) },
  { items: items(MAX_BATCH_SIZE) },
  { items: items(MAX_BATCH_SIZE + 1) },
  { items: [] },
  {},
  { items: items(2), tenantId: 'another' },
  { items: 'all of them' },
  { items: [null] },
  { items: [[{ external_id: 'wa-1' }]] },
  { items: [1, 2] },
  { items: [{ external_id: 'wa-1', constructor: 'x' }] },
  { items: [{ external_id: 'wa-1', prototype: {} }] },
];

describe('the fast check of BatchIngestDto', () => {
  // No fast check is registered here: this pipe is Nest's own path.
  const pipe = createValidationPipe();
  const nestVerdict = async (envelope: Record<string, unknown>) => {
    try {
      return { valid: true, value: await pipe.transform(parsed(envelope), { type: 'body', metatype: BatchIngestDto }) };
    } catch {
      return { valid: false, value: null };
    }
  };

  it.each(ENVELOPES.map((envelope, index) => [index, envelope]))('says yes only where the pipe does, with the same DTO (envelope %i)', async (_, envelope) => {
    const fast = validBatchEnvelope(parsed(envelope));
    const nest = await nestVerdict(envelope);
    if (fast) {
      expect(nest.valid).toBe(true);
      expect(fast).toBeInstanceOf(BatchIngestDto);
      expect(fast).toEqual(nest.value);
    }
    if (!nest.valid) expect(fast).toBeNull();
  });

  it('answers the common envelopes itself, and leaves the ones the pipe would change to the pipe', () => {
    expect(validBatchEnvelope({ items: items(MAX_BATCH_SIZE) })).not.toBeNull();
    expect(validBatchEnvelope({ items: [{ external_id: 'wa-1', constructor: 'x' }] })).toBeNull();
  });
});

import { MAX_BATCH_SIZE } from '@fasto/contracts';
import { isPlainObject } from '../../../core/validation/fast-check';
import { BatchIngestDto } from './batch-ingest.dto';

/** The keys Nest's pipe deletes from every object before validating (prototype pollution). */
const STRIPPED_KEYS = ['__proto__', 'prototype', 'constructor'];

/**
 * The fast path of a batch's envelope: `{ items: [1..500 objects] }` and nothing else. Nest's pipe
 * would walk all five hundred items twice (deleting prototype keys, closing array gaps) before
 * validating the one field: ~5 % of a batch's CPU. The items themselves are checked one by one by
 * the service. An item with a key the pipe would delete goes the pipe's way, like anything refused here.
 */
export function validBatchEnvelope(raw: Record<string, unknown>): BatchIngestDto | null {
  const keys = Object.keys(raw);
  if (keys.length !== 1 || keys[0] !== 'items') return null;
  const items = raw['items'];
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_BATCH_SIZE) return null;
  for (const item of items) {
    if (!isPlainObject(item) || STRIPPED_KEYS.some((key) => Object.hasOwn(item, key))) return null;
  }
  return Object.assign(new BatchIngestDto(), { items });
}

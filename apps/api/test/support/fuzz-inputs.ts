/**
 * Deterministic bad input for the fuzz suite. Every value is tagged `strict` when no field of
 * any DTO may accept it (the API must answer 4xx), or not when it is odd but possibly valid
 * text or a number (the API may answer 2xx, never 5xx).
 */
export interface FuzzValue {
  label: string;
  value: unknown;
  strict: boolean;
}

/** mulberry32: a tiny seeded PRNG, so every run sends exactly the same cases. */
export function seededRandom(seedText: string): () => number {
  let seed = 0;
  for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return picked;
}

export function deepObject(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

export function deepArray(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

export const HUGE_STRING = 'A'.repeat(100_050);

/** Values for one body field: structures where a scalar belongs are always refused. */
export const FIELD_VALUES: FuzzValue[] = [
  { label: 'object', value: { a: 1 }, strict: true },
  { label: 'array of junk', value: [1, { a: 1 }, null], strict: true },
  { label: '1000-level object', value: deepObject(1000), strict: true },
  { label: '1000-level array', value: deepArray(1000), strict: true },
  { label: '100 kB string', value: HUGE_STRING, strict: true },
  { label: 'prototype key', value: JSON.parse('{"__proto__":{"polluted":true}}'), strict: true },
  { label: 'number', value: 42, strict: false },
  { label: 'negative', value: -1, strict: false },
  { label: 'huge number', value: 1e308, strict: false },
  { label: 'fraction', value: 0.000001, strict: false },
  { label: 'tiny fraction (exponent form)', value: 1e-7, strict: false },
  { label: 'unsafe integer', value: Number.MAX_SAFE_INTEGER + 2, strict: false },
  { label: 'boolean', value: true, strict: false },
  { label: 'null', value: null, strict: false },
  { label: 'empty string', value: '', strict: false },
  { label: 'emoji', value: '😀🔥👩‍👩‍👧‍👦'.repeat(5), strict: false },
  { label: 'NUL and controls', value: 'a\u0000b\u0007c\u001b[31m', strict: false },
  { label: 'bidi and zero-width', value: '\u202Eevil\u200B\uFEFF', strict: false },
  { label: 'lone surrogate', value: '\uD800x', strict: false },
  { label: 'SQL', value: "' OR 1=1; DROP TABLE users; --", strict: false },
  { label: 'HTML', value: '<script>alert(1)</script><img src=x onerror=alert(1)>', strict: false },
  { label: '1000 chars', value: 'x'.repeat(1000), strict: false },
  { label: 'bad date', value: '2026-02-30T25:61:00Z', strict: false },
  { label: 'not a uuid', value: '00000000-0000-0000-0000-00000000000g', strict: false },
];

/** Text payloads sent in every field at once, so text-only DTOs get past validation into the services. */
export const TEXT_VALUES = FIELD_VALUES.filter((value) => typeof value.value === 'string');

/** Whole-body cases that no route accepts. */
export const BODY_SHAPES: FuzzValue[] = [
  { label: 'array body', value: [{}], strict: true },
  { label: 'string body', value: 'hello', strict: true },
  { label: 'number body', value: 12345, strict: true },
  { label: 'null body', value: null, strict: true },
  { label: 'unknown field', value: { zzzUnknown: 1 }, strict: true },
  { label: 'tenant id mass assignment', value: { tenantId: '00000000-0000-4000-8000-000000000000' }, strict: true },
  { label: '1000-level body', value: deepObject(1000), strict: true },
  { label: 'prototype pollution body', value: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'), strict: true },
];

/** Query-string values by the kind of parameter they target. */
export const QUERY_VALUES: Record<'limit' | 'cursor' | 'day' | 'uuid' | 'number' | 'boolean' | 'enum' | 'text', FuzzValue[]> = {
  limit: [
    { label: 'negative limit', value: '-1', strict: true },
    { label: 'zero limit', value: '0', strict: true },
    { label: 'word limit', value: 'ten', strict: true },
    { label: 'exponent limit', value: '1e400', strict: true },
    { label: 'fraction limit', value: '1.5', strict: true },
    { label: 'huge limit (capped, not refused)', value: '99999999999999999999999', strict: false },
  ],
  cursor: [
    { label: 'garbage cursor', value: 'garbage', strict: true },
    { label: 'base64 JSON cursor', value: Buffer.from('{"x":1}').toString('base64url'), strict: true },
    { label: 'SQL cursor', value: "' OR 1=1 --", strict: true },
    { label: '5 kB cursor', value: 'A'.repeat(5000), strict: true },
  ],
  day: [
    { label: 'Feb 30', value: '2026-02-30', strict: true },
    { label: 'month 13', value: '2026-13-01', strict: true },
    { label: 'year zero', value: '0000-00-00', strict: true },
    { label: 'word date', value: 'yesterday', strict: true },
    { label: 'far future', value: '9999-12-31', strict: false },
  ],
  uuid: [
    { label: 'not a uuid', value: 'not-a-uuid', strict: true },
    { label: 'SQL id', value: "1' OR '1'='1", strict: true },
    { label: 'empty id', value: '', strict: false },
  ],
  number: [
    { label: 'word number', value: 'abc', strict: true },
    { label: 'exponent', value: '1e400', strict: true },
    { label: 'negative', value: '-5', strict: true },
  ],
  boolean: [{ label: 'maybe', value: 'maybe', strict: true }],
  enum: [{ label: 'unknown enum', value: 'pdf<script>', strict: true }],
  text: [
    { label: '10 kB text', value: 'q'.repeat(10_000), strict: false },
    { label: 'emoji + NUL', value: '😀\u0000%', strict: false },
    { label: 'SQL text', value: "' OR 1=1 --", strict: false },
    { label: 'LIKE wildcards', value: '%_\\', strict: false },
  ],
};

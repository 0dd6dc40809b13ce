const SENSITIVE = /pass(word)?|secret|token|hash|key|cookie|authorization|phone/i;

/** Keeps the shape of a change set but never the value of a credential or personal contact field. */
export function maskSensitive(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([field, inner]) => [
      field,
      SENSITIVE.test(field)
        ? '[masked]'
        : inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
          ? maskSensitive(inner as Record<string, unknown>)
          : inner,
    ]),
  );
}

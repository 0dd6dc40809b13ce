import { createHmac, timingSafeEqual } from 'crypto';

/** The header Fasto signs every delivery with (docs/webhooks.md, "Verifying the signature"). */
export const SIGNATURE_HEADER = 'x-fasto-signature';

/** A delivery signed longer ago than this (or this far ahead of our clock) is refused as a replay. */
export const TOLERANCE_SECONDS = 300;

/**
 * True when `header` (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`) signs exactly
 * these bytes with this secret, at a `t` within the tolerance of `nowSeconds`.
 */
export function isSignedByFasto(secret: string, rawBody: Buffer | string, header: string | undefined, nowSeconds = Date.now() / 1000): boolean {
  const fields = new Map<string, string>();
  for (const part of (header ?? '').split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const timestamp = fields.get('t') ?? '';
  const given = fields.get('v1') ?? '';
  if (!/^\d+$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

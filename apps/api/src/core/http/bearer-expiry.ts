import type { FastifyRequest } from 'fastify';

/** The `exp` (ms) of the bearer token the guard already verified: an event stream must not outlive it. */
export function bearerExpiry(request: FastifyRequest): number {
  const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { exp?: number };
  return (payload.exp ?? 0) * 1000;
}

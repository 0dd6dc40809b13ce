import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@fasto/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../core/config/app-config';

/** The refresh token lives only here: HttpOnly, SameSite=Strict, scoped to /api/auth, Secure in production. */
export function setRefreshCookie(reply: FastifyReply, config: Pick<AppConfig, 'isProduction'>, token: string, expiresAt: Date): void {
  void reply.setCookie(REFRESH_COOKIE_NAME, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.isProduction,
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: Pick<AppConfig, 'isProduction'>): void {
  void reply.clearCookie(REFRESH_COOKIE_NAME, { httpOnly: true, sameSite: 'strict', secure: config.isProduction, path: REFRESH_COOKIE_PATH });
}

export function refreshCookieFrom(request: FastifyRequest): string | null {
  const value = request.cookies?.[REFRESH_COOKIE_NAME];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

import { ErrorCode, ACCESS_TOKEN_TTL_SECONDS, IMPERSONATION_TOKEN_TTL_SECONDS } from '@fasto/contracts';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, type AccessTokenClaims } from './jwt-claims';
import type { UserPrincipal } from './principal';
import { PrincipalLoader } from './principal-loader';
import { bearerTokenOf, VerifiedTokens } from './verified-tokens';
import type { FastifyRequest } from 'fastify';
import { apiError } from '../errors/api-error';

/** The longest life each token type may have been issued with. */
const MAX_LIFETIME_SECONDS = { access: ACCESS_TOKEN_TTL_SECONDS, impersonation: IMPERSONATION_TOKEN_TTL_SECONDS };

const isClaims = (payload: unknown): payload is AccessTokenClaims & { iat: number; exp: number } => {
  const claims = payload as (Partial<AccessTokenClaims> & { iat?: unknown; exp?: unknown }) | null;
  if (typeof claims?.sub !== 'string' || typeof claims.tid !== 'string') return false;
  if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return false;
  if (claims.typ === 'access') return claims.exp - claims.iat <= MAX_LIFETIME_SECONDS.access;
  if (claims.typ === 'impersonation') return typeof claims.imp === 'string' && claims.exp - claims.iat <= MAX_LIFETIME_SECONDS.impersonation;
  return false;
};

/**
 * Bearer JWT verification with everything pinned: HS256 only (no `none`, no RS/HS confusion),
 * our issuer and audience, and a mandatory, unexpired `exp`.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @InjectConfig() config: AppConfig,
    private readonly principals: PrincipalLoader,
    private readonly verified: VerifiedTokens,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      passReqToCallback: true,
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails, with a thrown
      // error) to parse it as a public key, then builds a secret key, on every request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: IMPERSONATION_TOKEN_TTL_SECONDS },
    });
  }

  async validate(request: FastifyRequest, payload: unknown): Promise<UserPrincipal> {
    if (!isClaims(payload)) {
      throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Invalid access token'));
    }
    const token = bearerTokenOf(request);
    if (token) this.verified.remember(token, payload);
    const principal = await this.principals.load(payload);
    if (!principal) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Invalid access token'));
    return principal;
  }
}

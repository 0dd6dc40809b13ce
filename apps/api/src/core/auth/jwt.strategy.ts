import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { InjectConfig } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, type AccessTokenClaims } from './jwt-claims';
import type { UserPrincipal } from './principal';
import { PrincipalLoader } from './principal-loader';

const isClaims = (payload: unknown): payload is AccessTokenClaims => {
  const claims = payload as Partial<AccessTokenClaims> | null;
  return (
    typeof claims?.sub === 'string' &&
    typeof claims.tid === 'string' &&
    (claims.typ === 'access' || (claims.typ === 'impersonation' && typeof claims.imp === 'string'))
  );
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
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
      jsonWebTokenOptions: { maxAge: '1h', complete: false },
    });
  }

  async validate(payload: unknown): Promise<UserPrincipal> {
    if (!isClaims(payload) || typeof (payload as { exp?: unknown }).exp !== 'number') {
      throw new UnauthorizedException('Invalid access token');
    }
    const principal = await this.principals.load(payload);
    if (!principal) throw new UnauthorizedException('Invalid access token');
    return principal;
  }
}

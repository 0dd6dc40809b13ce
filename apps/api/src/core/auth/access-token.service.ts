import { ACCESS_TOKEN_TTL_SECONDS, IMPERSONATION_TOKEN_TTL_SECONDS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, type AccessTokenClaims } from './jwt-claims';

export interface SignedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Issues the short-lived JWTs; verification lives in the passport strategy. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(claims: Omit<AccessTokenClaims, 'typ' | 'imp'> & { sid: string }): Promise<SignedAccessToken> {
    return this.issue({ ...claims, typ: 'access' }, ACCESS_TOKEN_TTL_SECONDS);
  }

  /** An access token acting as a tenant admin for a super admin: shorter-lived, never refreshable. */
  signImpersonation(claims: Omit<AccessTokenClaims, 'typ' | 'sid'> & { imp: string }): Promise<SignedAccessToken> {
    return this.issue({ ...claims, typ: 'impersonation' }, IMPERSONATION_TOKEN_TTL_SECONDS);
  }

  private async issue(claims: AccessTokenClaims, expiresIn: number): Promise<SignedAccessToken> {
    const { sub, ...rest } = claims;
    const accessToken = await this.jwt.signAsync(rest, {
      subject: sub,
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn,
    });
    return { accessToken, expiresIn };
  }
}

import { Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from '../access/access-metadata';
import { ApiKeyAuthenticator, apiKeyFrom } from '../auth/api-key-authenticator';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { PrincipalLoader } from '../auth/principal-loader';
import { bearerTokenOf, VerifiedTokens } from '../auth/verified-tokens';
import { isDatabaseUnavailable } from '../errors/database-unavailable';

/**
 * First global guard: who is calling. A tenant API key, else a Bearer JWT. Any failure is a
 * clean 401; only `@Public()` routes let anonymous callers through.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly verified: VerifiedTokens,
    private readonly principals: PrincipalLoader,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const apiKey = apiKeyFrom(request);
    if (apiKey) {
      request.principal = await this.apiKeys.authenticate(apiKey);
      return true;
    }
    // A token passport-jwt verified before (same bytes, not expired) skips straight to the principal lookup.
    const token = bearerTokenOf(request);
    const claims = token ? this.verified.claimsOf(token) : null;
    if (claims) {
      const principal = await this.principals.load(claims);
      if (!principal) throw new UnauthorizedException('Invalid access token');
      request.principal = principal;
      return true;
    }
    await (super.canActivate(context) as Promise<boolean>);
    request.principal = (request as unknown as { user: Principal }).user;
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // The principal lookup failing because the database is down is an outage (503), not a bad token.
    if (isDatabaseUnavailable(error)) throw error;
    if (error || !user) throw error instanceof UnauthorizedException ? error : new UnauthorizedException('Missing or invalid access token');
    return user;
  }
}

import { ErrorCode } from '@fasto/contracts';
import { Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { routeAccessOf } from '../access/route-access';
import { ApiKeyAuthenticator, apiKeyFrom } from '../auth/api-key-authenticator';
import type { AuthenticatedRequest, Principal } from '../auth/principal';
import { PrincipalLoader } from '../auth/principal-loader';
import { TvLinkAuthenticator, tvTokenFrom } from '../auth/tv-link-authenticator';
import { bearerCandidateOf, VerifiedTokens } from '../auth/verified-tokens';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { apiError } from '../errors/api-error';

function accept(request: AuthenticatedRequest, principal: Principal | null): true {
  if (!principal) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Invalid access token'));
  request.principal = principal;
  return true;
}

/**
 * First global guard: who is calling. A tenant API key, a TV link's token, else a Bearer JWT. Any failure is a
 * clean 401; only `@Public()` routes let anonymous callers through.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly verified: VerifiedTokens,
    private readonly principals: PrincipalLoader,
    private readonly tvLinks: TvLinkAuthenticator,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (routeAccessOf(this.reflector, context).isPublic) return true;

    // The request itself (argument 0 of an HTTP context), without the wrapper switchToHttp() allocates.
    const request = context.getArgByIndex<AuthenticatedRequest>(0);
    const apiKey = apiKeyFrom(request);
    if (apiKey) return this.apiKeys.authenticate(apiKey).then((principal) => accept(request, principal));
    const tvToken = tvTokenFrom(request);
    if (tvToken) return this.tvLinks.authenticate(tvToken).then((principal) => accept(request, principal));
    // A token passport-jwt verified before (same bytes, not expired) skips straight to the principal;
    // when that is cached too (a tab polling), the request passes without a single promise.
    const token = bearerCandidateOf(request);
    const claims = token ? this.verified.claimsOf(token) : null;
    if (claims) {
      const cached = this.principals.cached(claims);
      if (cached !== undefined) return accept(request, cached);
      return this.principals.load(claims).then((principal) => accept(request, principal));
    }
    return this.throughPassport(context, request);
  }

  private async throughPassport(context: ExecutionContext, request: AuthenticatedRequest): Promise<boolean> {
    await (super.canActivate(context) as Promise<boolean>);
    request.principal = (request as unknown as { user: Principal }).user;
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // The principal lookup failing because the database is down is an outage (503), not a bad token.
    if (isDatabaseUnavailable(error)) throw error;
    if (error || !user)
      throw error instanceof UnauthorizedException
        ? error
        : new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Missing or invalid access token'));
    return user;
  }
}

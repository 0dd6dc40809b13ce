import { ErrorCode, type MeResponse, type TokenResponse } from '@fasto/contracts';
import { ForbiddenException, Injectable, UnauthorizedException, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AccessTokenService } from '../../../core/auth/access-token.service';
import { BackgroundWork } from '../../../core/background/background-work.service';
import { hashPassword, verifyPassword } from '../../../core/auth/password-hashing';
import type { UserPrincipal } from '../../../core/auth/principal';
import { AuditService } from '../../audit/audit.service';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { AccountsRepository, tenantHasAccess, type Account } from '../accounts.repository';
import { toAuthUser, toImpersonator } from '../auth-user.mapper';
import type { LoginDto } from '../dto/login.dto';
import type { RequestContext } from '../../../core/http/request-context';
import { LoginThrottleService } from './login-throttle.service';
import { SessionService, type IssuedRefreshToken } from './session.service';
import { normalizeEmail } from '../../../core/validation/email';
import { apiError } from '../../../core/errors/api-error';

export interface SignedIn {
  response: TokenResponse;
  refresh: IssuedRefreshToken;
}

const INVALID_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the email is unknown, so both failures cost the same time. */
  private decoyHash = '';

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly context: TenantContext,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
    private readonly background: BackgroundWork,
  ) {}

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hashPassword(randomBytes(16).toString('hex'));
  }

  async login(credentials: LoginDto, context: RequestContext): Promise<SignedIn> {
    const email = normalizeEmail(credentials.email);
    // Both reads at once; the account is used only if the throttle lets the attempt through.
    const [, account] = await Promise.all([
      this.throttle.assertAllowed(email, context.ip),
      this.context.runAsSystem('login: account by e-mail', () => this.accounts.byEmail(email)),
    ]);
    const passwordHash = account?.user.passwordHash ?? this.decoyHash;
    const passwordMatches = await verifyPassword(passwordHash, credentials.password);
    if (!account || !account.user.passwordHash || !passwordMatches || !account.user.isActive) {
      await this.throttle.recordFailure(email, context.ip);
      // Written after the answer: an unknown email has no entry, and the wait would tell them apart.
      if (account) {
        this.background.run('failed sign-in audit', () =>
          this.audit.record({
            tenantId: account.tenant.id,
            actorId: account.user.id,
            action: 'auth.login_failed',
            entity: 'user',
            entityId: account.user.id,
            ...context,
          }),
        );
      }
      throw new UnauthorizedException(apiError(ErrorCode.InvalidCredentials, INVALID_CREDENTIALS));
    }
    if (!tenantHasAccess(account.tenant))
      throw new ForbiddenException(apiError(ErrorCode.TenantInactive, `This organization is ${account.tenant.status}; access is closed`));

    // The sign-in's writes commit together, sent in one round trip: a session never exists without its audit entry.
    const userId = account.user.id;
    const reset = this.throttle.successReset(email, context.ip);
    const issued = await this.context.runInTenant(account.tenant.id, async () => {
      const session = this.sessions.opening(userId, context);
      await this.accounts.recordSignIn(userId, [
        ...reset.statements,
        session.statement,
        this.audit.entryStatement({ tenantId: account.tenant.id, actorId: userId, action: 'auth.login', entity: 'user', entityId: userId, ...context }),
      ]);
      return session.issued;
    });
    await reset.afterCommit();
    return this.signedIn(account, issued);
  }

  /** Opens a session for an account of the current tenant already proven (accepted invitation). */
  async startSession(account: Account, context: RequestContext): Promise<SignedIn> {
    return this.signedIn(account, await this.sessions.start(account.user.id, context));
  }

  private async signedIn(account: Account, refresh: IssuedRefreshToken): Promise<SignedIn> {
    const access = await this.tokens.sign({
      sub: account.user.id,
      tid: account.tenant.id,
      sid: refresh.familyId,
    });
    return { refresh, response: { ...access, user: toAuthUser(account.user, account.tenant) } };
  }

  async refresh(token: string, context: RequestContext): Promise<SignedIn> {
    const rotation = await this.sessions.rotate(token, context);
    if (rotation.outcome === 'reused') {
      await this.audit.record({
        tenantId: rotation.tenantId,
        actorId: rotation.userId,
        action: 'auth.refresh_token_reused',
        entity: 'session',
        entityId: rotation.familyId,
        ...context,
      });
      throw new UnauthorizedException(apiError(ErrorCode.SessionRevoked, 'This session was revoked because its refresh token was used twice; sign in again'));
    }
    if (rotation.outcome !== 'rotated') throw new UnauthorizedException(apiError(ErrorCode.SessionRevoked, 'Session expired or revoked; sign in again'));

    const account = await this.context.runInTenant(rotation.tenantId, async () => {
      const account = await this.accounts.byId(rotation.userId);
      if (account && account.user.isActive && tenantHasAccess(account.tenant)) return account;
      await this.sessions.revokeFamily(rotation.familyId);
      return null;
    });
    if (!account) throw new UnauthorizedException(apiError(ErrorCode.SessionRevoked, 'Session expired or revoked; sign in again'));
    const access = await this.tokens.sign({
      sub: account.user.id,
      tid: account.tenant.id,
      sid: rotation.familyId,
    });
    return { refresh: rotation, response: { ...access, user: toAuthUser(account.user, account.tenant) } };
  }

  async logout(token: string | null, context: RequestContext): Promise<void> {
    if (!token) return;
    const owner = await this.sessions.revokeByToken(token);
    if (owner)
      await this.audit.record({ tenantId: owner.tenantId, actorId: owner.userId, action: 'auth.logout', entity: 'user', entityId: owner.userId, ...context });
  }

  async me(principal: UserPrincipal): Promise<MeResponse> {
    const account = await this.accounts.byId(principal.userId);
    if (!account) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Missing or invalid access token'));
    const impersonatorId = principal.impersonatorId;
    const impersonator = impersonatorId
      ? await this.context.runAsSystem('me: the super admin behind an impersonation token', () => this.accounts.superAdminById(impersonatorId))
      : null;
    return { user: toAuthUser(account.user, account.tenant), impersonator: impersonator ? toImpersonator(impersonator) : null };
  }
}

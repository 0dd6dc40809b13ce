import { ErrorCode, Role, type MeResponse, type TokenResponse } from '@fasto/contracts';
import { ForbiddenException, Injectable, UnauthorizedException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Equal, type DataSource } from 'typeorm';
import { withDeadlockRetry } from '../../../core/database/deadlock-retry';
import { inOneTransaction } from '../../../core/database/one-round-trip';
import { updateRowsStatement } from '../../../core/database/row-statements';
import { cacheNeutralWrite } from '../../../core/database/table-writes';
import { AccessTokenService } from '../../../core/auth/access-token.service';
import { BackgroundWork } from '../../../core/background/background-work.service';
import { hashPassword, verifyPassword } from '../../../core/auth/password-hashing';
import type { UserPrincipal } from '../../../core/auth/principal';
import { AuditService } from '../../audit/audit.service';
import { User } from '../../users/entities/user.entity';
import { toAuthUser, toImpersonator } from '../auth-user.mapper';
import type { LoginDto } from '../dto/login.dto';
import type { RequestContext } from '../../../core/http/request-context';
import { AccountLookupService, tenantHasAccess, type Account } from './account-lookup.service';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountLookupService,
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
    const [, account] = await Promise.all([this.throttle.assertAllowed(email, context.ip), this.accounts.byEmail(email)]);
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

    // The sign-in's writes commit together, sent in one round trip: a session never exists without
    // its audit entry. The user row first: the session's foreign key share-locks it, and two
    // logins of one user holding those shared locks would deadlock on this update.
    const user = { id: account.user.id, tenantId: account.tenant.id };
    const session = this.sessions.opening(user, context);
    const writes = [
      // No cached principal holds the sign-in time: this write leaves the principal cache as it is.
      cacheNeutralWrite(updateRowsStatement(this.dataSource.manager, User, user, { lastLoginAt: new Date() })),
      this.throttle.successStatement(email, context.ip),
      session.statement,
      this.audit.entryStatement({ tenantId: user.tenantId, actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, ...context }),
    ];
    await withDeadlockRetry(() => inOneTransaction(this.dataSource, writes));
    return this.signedIn(account, session.issued);
  }

  /** Opens a session for an account already proven (accepted invitation). */
  async startSession(account: Account, context: RequestContext): Promise<SignedIn> {
    return this.signedIn(account, await this.sessions.start({ id: account.user.id, tenantId: account.tenant.id }, context));
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

    const account = await this.accounts.byId(rotation.tenantId, rotation.userId);
    if (!account || !account.user.isActive || !tenantHasAccess(account.tenant)) {
      await this.sessions.revokeFamily(rotation.tenantId, rotation.familyId);
      throw new UnauthorizedException(apiError(ErrorCode.SessionRevoked, 'Session expired or revoked; sign in again'));
    }
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
    const account = await this.accounts.byId(principal.tenantId, principal.userId);
    if (!account) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Missing or invalid access token'));
    const impersonator = principal.impersonatorId
      ? await this.dataSource.getRepository(User).findOneBy({ id: Equal(principal.impersonatorId), role: Equal(Role.SuperAdmin) })
      : null;
    return { user: toAuthUser(account.user, account.tenant), impersonator: impersonator ? toImpersonator(impersonator) : null };
  }
}

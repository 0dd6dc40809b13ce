import { ErrorCode } from '@fasto/contracts';
import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { hashPassword, verifyPassword } from '../../../core/auth/password-hashing';
import { BackgroundWork } from '../../../core/background/background-work.service';
import type { UserPrincipal } from '../../../core/auth/principal';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { MailerService } from '../../../core/mail/mailer.service';
import { RateLimitStore } from '../../../core/rate-limit/rate-limit.store';
import { AuditService } from '../../audit/audit.service';
import { passwordResetEmail } from '../auth-emails';
import type { ChangePasswordDto, ResetPasswordDto } from '../dto/password.dto';
import { assertAcceptablePassword } from '../password-policy';
import type { RequestContext } from '../../../core/http/request-context';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { AccountsRepository, tenantHasAccess } from '../accounts.repository';
import { ActionTokenService, PASSWORD_RESET_TTL_MS } from './action-token.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionService } from './session.service';
import { normalizeEmail } from '../../../core/validation/email';
import { apiError } from '../../../core/errors/api-error';

/** At most this many reset emails per address per hour; further requests are silently dropped. */
const RESET_EMAILS_PER_HOUR = 3;
const INVALID_LINK = 'This link is invalid or has expired; ask for a new one';

@Injectable()
export class PasswordService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly context: TenantContext,
    private readonly actionTokens: ActionTokenService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly rateLimits: RateLimitStore,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    private readonly background: BackgroundWork,
  ) {}

  /**
   * Always the same answer, in the same time: whether the address exists is never revealed. Both
   * kinds of address cost the cap's counter and one lookup before the answer; the link, its audit
   * entry and the email (an existing account's only) are written after it.
   */
  async forgot(email: string, context: RequestContext): Promise<void> {
    const normalised = normalizeEmail(email);
    const sent = await this.rateLimits.take({
      bucket: `password-reset:${normalised}`,
      capacity: RESET_EMAILS_PER_HOUR,
      refillMs: 3_600_000 / RESET_EMAILS_PER_HOUR,
    });
    if (!sent.granted) return;
    const account = await this.context.runAsSystem('password reset: account by e-mail', () => this.accounts.byEmail(normalised));
    if (!account || !account.user.isActive || !tenantHasAccess(account.tenant)) return;

    this.background.run('password reset link', () =>
      this.context.runInTenant(account.tenant.id, async () => {
        const token = await this.actionTokens.issue(account.user.id, 'password_reset', PASSWORD_RESET_TTL_MS);
        await this.audit.record({
          tenantId: account.tenant.id,
          actorId: null,
          action: 'auth.password_reset_requested',
          entity: 'user',
          entityId: account.user.id,
          ...context,
        });
        const url = `${this.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await this.mailer.send(passwordResetEmail(account.user.email, account.user.fullName, url));
      }),
    );
  }

  async reset(request: ResetPasswordDto, context: RequestContext): Promise<void> {
    const token = await this.actionTokens.findUsable(request.token, 'password_reset');
    if (!token) throw new BadRequestException(apiError(ErrorCode.InvalidResetLink, INVALID_LINK));
    // The rest happens in the link's tenant.
    await this.context.runInTenant(token.tenantId, async () => {
      const account = await this.accounts.byId(token.userId);
      if (!account || !account.user.isActive) throw new BadRequestException(apiError(ErrorCode.InvalidResetLink, INVALID_LINK));
      // Judge the password before using up the link, so a rejected password does not burn it.
      assertAcceptablePassword(request.password, account.user.email);
      if (!(await this.actionTokens.consume(token))) throw new BadRequestException(apiError(ErrorCode.InvalidResetLink, INVALID_LINK));

      await this.setPassword(account.user.id, request.password);
      await this.sessions.revokeAllForUser(account.user.id);
      await this.audit.record({
        tenantId: account.tenant.id,
        actorId: account.user.id,
        action: 'auth.password_reset',
        entity: 'user',
        entityId: account.user.id,
        ...context,
      });
    });
  }

  /** Needs the current password; every other session of the user is signed out. */
  async change(principal: UserPrincipal, request: ChangePasswordDto, context: RequestContext): Promise<void> {
    const account = await this.accounts.byId(principal.userId);
    if (!account || !account.user.passwordHash) throw new UnauthorizedException(apiError(ErrorCode.InvalidAccessToken, 'Missing or invalid access token'));
    await this.throttle.assertAllowed(account.user.email, context.ip);
    if (!(await verifyPassword(account.user.passwordHash, request.currentPassword))) {
      await this.throttle.recordFailure(account.user.email, context.ip);
      throw new BadRequestException({
        code: ErrorCode.ValidationFailed,
        message: 'Current password is incorrect',
        details: [{ field: 'currentPassword', messages: ['Current password is incorrect'] }],
      });
    }
    assertAcceptablePassword(request.newPassword, account.user.email, 'newPassword');
    if (request.newPassword === request.currentPassword) {
      throw new BadRequestException({
        code: ErrorCode.ValidationFailed,
        message: 'The new password must differ from the current one',
        details: [{ field: 'newPassword', messages: ['The new password must differ from the current one'] }],
      });
    }
    await this.setPassword(account.user.id, request.newPassword);
    await this.sessions.revokeAllForUser(account.user.id, principal.sessionId);
    await this.audit.record({
      tenantId: account.tenant.id,
      actorId: account.user.id,
      action: 'auth.password_changed',
      entity: 'user',
      entityId: account.user.id,
      ...context,
    });
  }

  /** Sets the password of a user of the current tenant. */
  async setPassword(userId: string, password: string): Promise<void> {
    await this.accounts.setPasswordHash(userId, await hashPassword(password));
  }
}

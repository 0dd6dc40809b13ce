import { ErrorCode, languageOf, type InvitationCheckResponse } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { MailerService } from '../../../core/mail/mailer.service';
import { AuditService } from '../../audit/audit.service';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { AccountsRepository, tenantHasAccess } from '../accounts.repository';
import { invitationEmail } from '../auth-emails';
import type { AcceptInviteDto } from '../dto/password.dto';
import { assertAcceptablePassword } from '../password-policy';
import type { RequestContext } from '../../../core/http/request-context';
import { ActionTokenService, INVITE_TTL_MS } from './action-token.service';
import { AuthService, type SignedIn } from './auth.service';
import { PasswordService } from './password.service';
import { apiError } from '../../../core/errors/api-error';

const INVALID_INVITE = 'This invitation is invalid or has expired; ask your administrator for a new one';

/** Admin creates a user → the user gets a link to set their password and is signed in. */
@Injectable()
export class InvitationService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly context: TenantContext,
    private readonly actionTokens: ActionTokenService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  /** Sends (or re-sends) the invitation to a member of the current tenant; an earlier link stops working. */
  async invite(user: { id: string }): Promise<void> {
    const invitee = await this.accounts.invitee(user.id);
    if (!invitee) throw new Error(`No member ${user.id} to invite in this tenant`);
    const token = await this.actionTokens.issue(user.id, 'invite', INVITE_TTL_MS);
    const url = `${this.config.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;
    const facts = {
      name: invitee.fullName,
      organization: invitee.tenantName,
      team: invitee.teamName,
      locale: languageOf(invitee.locale ?? invitee.tenantLocale),
    };
    await this.mailer.send(invitationEmail(invitee.email, facts, url));
  }

  /** What the link is worth, read-only: the accept page explains a used or expired link before showing a form. */
  async check(rawToken: string, now = new Date()): Promise<InvitationCheckResponse> {
    const token = await this.actionTokens.findAny(rawToken, 'invite');
    if (!token) return { status: 'invalid' };
    if (token.usedAt) return { status: 'used' };
    if (token.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
    const account = await this.context.runInTenant(token.tenantId, () => this.accounts.byId(token.userId));
    if (!account || !account.user.isActive || !tenantHasAccess(account.tenant)) return { status: 'invalid' };
    return { status: 'valid', email: account.user.email, fullName: account.user.fullName, tenantName: account.tenant.name };
  }

  async accept(request: AcceptInviteDto, context: RequestContext): Promise<SignedIn> {
    const token = await this.actionTokens.findUsable(request.token, 'invite');
    if (!token) throw new BadRequestException(apiError(ErrorCode.InvalidInvitation, INVALID_INVITE));
    // The rest happens in the invitation's tenant.
    return this.context.runInTenant(token.tenantId, async () => {
      const account = await this.accounts.byId(token.userId);
      if (!account || !account.user.isActive || !tenantHasAccess(account.tenant))
        throw new BadRequestException(apiError(ErrorCode.InvalidInvitation, INVALID_INVITE));
      assertAcceptablePassword(request.password, account.user.email);
      if (!(await this.actionTokens.consume(token))) throw new BadRequestException(apiError(ErrorCode.InvalidInvitation, INVALID_INVITE));

      await this.passwords.setPassword(account.user.id, request.password);
      await this.audit.record({
        tenantId: account.tenant.id,
        actorId: account.user.id,
        action: 'auth.invite_accepted',
        entity: 'user',
        entityId: account.user.id,
        ...context,
      });
      // The password hash just written is no part of what the session answers.
      return this.auth.startSession(account, context);
    });
  }
}

import { ErrorCode, type InvitationCheckResponse } from '@fasto/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InjectConfig } from '../../../core/config/config.module';
import type { AppConfig } from '../../../core/config/app-config';
import { MailerService } from '../../../core/mail/mailer.service';
import { AuditService } from '../../audit/audit.service';
import type { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';
import { invitationEmail } from '../auth-emails';
import type { AcceptInviteDto } from '../dto/password.dto';
import { assertAcceptablePassword } from '../password-policy';
import type { RequestContext } from '../../../core/http/request-context';
import { AccountLookupService, tenantHasAccess } from './account-lookup.service';
import { ActionTokenService, INVITE_TTL_MS } from './action-token.service';
import { AuthService, type SignedIn } from './auth.service';
import { PasswordService } from './password.service';
import { apiError } from '../../../core/errors/api-error';

const INVALID_INVITE = 'This invitation is invalid or has expired; ask your administrator for a new one';

/** Admin creates a user → the user gets a link to set their password and is signed in. */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly accounts: AccountLookupService,
    private readonly actionTokens: ActionTokenService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
  ) {}

  /** Sends (or re-sends) the invitation; an earlier link stops working. */
  async invite(user: User, tenant: Tenant): Promise<void> {
    const token = await this.actionTokens.issue({ tenantId: tenant.id, userId: user.id }, 'invite', INVITE_TTL_MS);
    const url = `${this.config.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;
    await this.mailer.send(invitationEmail(user.email, user.fullName, tenant.name, url));
  }

  /** What the link is worth, read-only: the accept page explains a used or expired link before showing a form. */
  async check(rawToken: string, now = new Date()): Promise<InvitationCheckResponse> {
    const token = await this.actionTokens.findAny(rawToken, 'invite');
    if (!token) return { status: 'invalid' };
    if (token.usedAt) return { status: 'used' };
    if (token.expiresAt.getTime() <= now.getTime()) return { status: 'expired' };
    const account = await this.accounts.byId(token.tenantId, token.userId);
    if (!account || !account.user.isActive || !tenantHasAccess(account.tenant)) return { status: 'invalid' };
    return { status: 'valid', email: account.user.email, fullName: account.user.fullName, tenantName: account.tenant.name };
  }

  async accept(request: AcceptInviteDto, context: RequestContext): Promise<SignedIn> {
    const token = await this.actionTokens.findUsable(request.token, 'invite');
    const account = token ? await this.accounts.byId(token.tenantId, token.userId) : null;
    if (!token || !account || !account.user.isActive || !tenantHasAccess(account.tenant))
      throw new BadRequestException(apiError(ErrorCode.InvalidInvitation, INVALID_INVITE));
    assertAcceptablePassword(request.password, account.user.email);
    if (!(await this.actionTokens.consume(token))) throw new BadRequestException(apiError(ErrorCode.InvalidInvitation, INVALID_INVITE));

    await this.passwords.setPassword(account.tenant.id, account.user.id, request.password);
    await this.audit.record({
      tenantId: account.tenant.id,
      actorId: account.user.id,
      action: 'auth.invite_accepted',
      entity: 'user',
      entityId: account.user.id,
      ...context,
    });
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: account.user.id, tenantId: account.tenant.id });
    return this.auth.startSession({ user, tenant: account.tenant }, context);
  }
}

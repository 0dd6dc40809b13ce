import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { ImpersonationController } from './impersonation.controller';
import { PasswordController } from './password.controller';
import { SameSiteRequestGuard } from './same-site-request.guard';
import { AccountsRepository } from './accounts.repository';
import { ActionTokensRepository } from './action-tokens.repository';
import { ActionTokenService } from './services/action-token.service';
import { AuthService } from './services/auth.service';
import { ImpersonationService } from './services/impersonation.service';
import { InvitationService } from './services/invitation.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { PasswordService } from './services/password.service';
import { SessionService } from './services/session.service';
import { SessionsRepository } from './sessions.repository';

@Module({
  controllers: [AuthController, PasswordController, ImpersonationController],
  providers: [
    AccountsRepository,
    ActionTokenService,
    ActionTokensRepository,
    AuthService,
    ImpersonationService,
    InvitationService,
    LoginThrottleService,
    PasswordService,
    SameSiteRequestGuard,
    SessionService,
    SessionsRepository,
  ],
  exports: [InvitationService, SessionService, SessionsRepository, ActionTokensRepository],
})
export class AuthModule {}

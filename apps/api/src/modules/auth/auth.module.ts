import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { ImpersonationController } from './impersonation.controller';
import { PasswordController } from './password.controller';
import { SameSiteRequestGuard } from './same-site-request.guard';
import { AccountLookupService } from './services/account-lookup.service';
import { ActionTokenService } from './services/action-token.service';
import { AuthService } from './services/auth.service';
import { ImpersonationService } from './services/impersonation.service';
import { InvitationService } from './services/invitation.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { PasswordService } from './services/password.service';
import { SessionService } from './services/session.service';

@Module({
  controllers: [AuthController, PasswordController, ImpersonationController],
  providers: [
    AccountLookupService,
    ActionTokenService,
    AuthService,
    ImpersonationService,
    InvitationService,
    LoginThrottleService,
    PasswordService,
    SameSiteRequestGuard,
    SessionService,
  ],
  exports: [InvitationService, SessionService],
})
export class AuthModule {}

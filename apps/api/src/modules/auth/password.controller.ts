import type { InvitationCheckResponse, TokenResponse } from '@fasto/contracts';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { ANY_ROLE, Authorized, DeniedUnderImpersonation } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { Public } from '../../core/decorators/public.decorator';
import { AcceptInviteDto, ChangePasswordDto, InvitationCheckDto, ForgotPasswordDto, ResetPasswordDto } from './dto/password.dto';
import { setRefreshCookie } from './refresh-cookie';
import { requestContext } from '../../core/http/request-context';
import { InvitationService } from './services/invitation.service';
import { PasswordService } from './services/password.service';

@ApiTags('auth')
@Controller('auth')
export class PasswordController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly passwords: PasswordService,
    private readonly invitations: InvitationService,
  ) {}

  @Post('password/forgot')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a reset link (same answer whether or not the address exists)' })
  async forgot(@Body() request: ForgotPasswordDto, @Req() http: FastifyRequest): Promise<{ message: string }> {
    await this.passwords.forgot(request.email, requestContext(http));
    return { message: 'If this address belongs to an account, a reset link is on its way.' };
  }

  @Post('password/reset')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs every session out' })
  async reset(@Body() request: ResetPasswordDto, @Req() http: FastifyRequest): Promise<void> {
    await this.passwords.reset(request, requestContext(http));
  }

  @Post('password/change')
  @Authorized(...ANY_ROLE)
  @DeniedUnderImpersonation()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change your password; your other sessions are signed out' })
  async change(@CurrentUser() principal: UserPrincipal, @Body() request: ChangePasswordDto, @Req() http: FastifyRequest): Promise<void> {
    await this.passwords.change(principal, request, requestContext(http));
  }

  @Post('invite/check')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Whether an invitation link is valid, used or expired, without using it' })
  check(@Body() request: InvitationCheckDto): Promise<InvitationCheckResponse> {
    return this.invitations.check(request.token);
  }

  @Post('invite/accept')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set your password from an invitation and sign in' })
  async acceptInvite(@Body() request: AcceptInviteDto, @Req() http: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponse> {
    const signedIn = await this.invitations.accept(request, requestContext(http));
    setRefreshCookie(reply, this.config, signedIn.refresh.token, signedIn.refresh.expiresAt);
    return signedIn.response;
  }
}

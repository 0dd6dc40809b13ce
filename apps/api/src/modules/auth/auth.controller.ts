import type { MeResponse, Page, SessionSummary, TokenResponse } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';
import { ANY_ROLE, Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { Public } from '../../core/decorators/public.decorator';
import { LoginDto } from './dto/login.dto';
import { clearRefreshCookie, refreshCookieFrom, setRefreshCookie } from './refresh-cookie';
import { requestContext } from '../../core/http/request-context';
import { SameSiteRequestGuard } from './same-site-request.guard';
import { AuthService, type SignedIn } from './services/auth.service';
import { SessionService } from './services/session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in: access token in the body, refresh token in an HttpOnly cookie' })
  async login(@Body() credentials: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponse> {
    return this.respond(reply, await this.auth.login(credentials, requestContext(request)));
  }

  @Post('refresh')
  @Public()
  @UseGuards(SameSiteRequestGuard)
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Rotate the refresh cookie and get a new access token; 204 when no session cookie was sent at all' })
  async refresh(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenResponse | undefined> {
    const token = refreshCookieFrom(request);
    // Not an error: every signed-out page load asks once, and a 401 there would be logged in the console (issue 19).
    if (!token) {
      void reply.status(HttpStatus.NO_CONTENT);
      return undefined;
    }
    try {
      return this.respond(reply, await this.auth.refresh(token, requestContext(request)));
    } catch (error) {
      clearRefreshCookie(reply, this.config);
      throw error;
    }
  }

  @Post('logout')
  @Public()
  @UseGuards(SameSiteRequestGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session at once' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(refreshCookieFrom(request), requestContext(request));
    clearRefreshCookie(reply, this.config);
  }

  @Get('me')
  @Authorized(...ANY_ROLE)
  me(@CurrentUser() principal: UserPrincipal): Promise<MeResponse> {
    return this.auth.me(principal);
  }

  @Get('sessions')
  @Authorized(...ANY_ROLE)
  @ApiOperation({ summary: 'Your signed-in devices' })
  async listSessions(@CurrentUser() principal: UserPrincipal): Promise<Page<SessionSummary>> {
    return { items: await this.sessions.list(principal.userId, principal.sessionId), nextCursor: null };
  }

  @Delete('sessions/:id')
  @Authorized(...ANY_ROLE)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign one of your devices out' })
  async revokeSession(@CurrentUser() principal: UserPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.sessions.revokeOwn(principal.userId, id);
  }

  private respond(reply: FastifyReply, signedIn: SignedIn): TokenResponse {
    setRefreshCookie(reply, this.config, signedIn.refresh.token, signedIn.refresh.expiresAt);
    void reply.header('cache-control', 'no-store');
    return signedIn.response;
  }
}

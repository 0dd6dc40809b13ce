import { Role, type TokenResponse } from '@fasto/contracts';
import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized, DeniedUnderImpersonation } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { ImpersonationService } from './services/impersonation.service';

@ApiTags('impersonation')
@Controller('impersonate')
export class ImpersonationController {
  constructor(private readonly impersonation: ImpersonationService) {}

  @Post(':tenantId')
  @Authorized(Role.SuperAdmin)
  @DeniedUnderImpersonation()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Act as the tenant's admin for up to one hour (no refresh)" })
  start(
    @CurrentUser() principal: UserPrincipal,
    @Param('tenantId', new ParseUUIDPipe()) tenantId: string,
    @Req() request: FastifyRequest,
  ): Promise<TokenResponse> {
    return this.impersonation.start(principal, tenantId, requestContext(request));
  }
}

import { Role, type ApiKeyView, type CreatedApiKey, type Page } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized, DeniedUnderImpersonation } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

const uuid = new ParseUUIDPipe();

@ApiTags('tenants')
@Controller('tenants/:tenantId/api-keys')
@Authorized(Role.SuperAdmin)
@DeniedUnderImpersonation()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: "A tenant's API keys (prefixes only, never the keys)" })
  async list(@Param('tenantId', uuid) tenantId: string): Promise<Page<ApiKeyView>> {
    return { items: await this.apiKeys.list(tenantId), nextCursor: null };
  }

  @Post()
  @ApiOperation({ summary: 'Create a key for n8n; the response is the only time the key is shown' })
  create(
    @CurrentUser() principal: UserPrincipal,
    @Param('tenantId', uuid) tenantId: string,
    @Body() request: CreateApiKeyDto,
    @Req() http: FastifyRequest,
  ): Promise<CreatedApiKey> {
    return this.apiKeys.create(principal, tenantId, request.name, requestContext(http));
  }

  @Delete(':keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a key: its next call answers 401' })
  async revoke(
    @CurrentUser() principal: UserPrincipal,
    @Param('tenantId', uuid) tenantId: string,
    @Param('keyId', uuid) keyId: string,
    @Req() http: FastifyRequest,
  ): Promise<void> {
    await this.apiKeys.revoke(principal, tenantId, keyId, requestContext(http));
  }
}

import { Role, type CreatedTvLink, type Page, type TvLinkView } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized, DeniedUnderImpersonation } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { CreateTvLinkDto } from './dto/create-tv-link.dto';
import { TvLinksService } from './tv-links.service';

const uuid = new ParseUUIDPipe();

/** The tenant admins' TV links (Settings → TV). */
@ApiTags('tv')
@Controller('tv-links')
@Authorized(Role.Admin)
export class TvLinksController {
  constructor(private readonly links: TvLinksService) {}

  @Get()
  @ApiOperation({ summary: 'The organization’s TV links (prefixes only, never the tokens)' })
  async list(): Promise<Page<TvLinkView>> {
    return { items: await this.links.list(), nextCursor: null };
  }

  @Post()
  // A token handed out is a credential: not while impersonating, as API keys.
  @DeniedUnderImpersonation()
  @ApiOperation({ summary: 'Create a TV link for the organization or a team; the response is the only time its token is shown' })
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateTvLinkDto, @Req() http: FastifyRequest): Promise<CreatedTvLink> {
    return this.links.create(principal, request, requestContext(http));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a TV link: its next call answers 401 and its live ticker closes' })
  async revoke(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.links.revoke(principal, id, requestContext(http));
  }
}

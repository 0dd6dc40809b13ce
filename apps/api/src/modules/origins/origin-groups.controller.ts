import { Role, type OriginGroupView, type Page } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { PageQueryDto } from '../../core/pagination/page-query.dto';
import { requestContext } from '../../core/http/request-context';
import { RenameCatalogDto, ReorderCatalogDto } from '../catalog/catalog.dto';
import { CreateOriginGroupDto, CreateOriginItemDto, UpdateOriginItemDto } from './dto/origin.dto';
import { toOriginGroupView } from './origin.mapper';
import { OriginsService } from './origins.service';

const uuid = new ParseUUIDPipe();

/** Origin groups are admin territory: managers and agents neither see nor edit them here. */
@ApiTags('origins')
@Controller('origin-groups')
@Authorized(Role.Admin)
export class OriginGroupsController {
  constructor(private readonly origins: OriginsService) {}

  @Get()
  async list(@Query() query: PageQueryDto): Promise<Page<OriginGroupView>> {
    const page = await this.origins.list(query);
    return { items: page.items.map(toOriginGroupView), nextCursor: page.nextCursor };
  }

  @Post()
  @ApiOperation({ summary: 'Create an origin group, optionally with its items' })
  async create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateOriginGroupDto, @Req() http: FastifyRequest): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.create(principal, request.name, request.items ?? [], requestContext(http)));
  }

  @Get(':id')
  async get(@Param('id', uuid) id: string): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.get(id));
  }

  @Patch(':id')
  async rename(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: RenameCatalogDto,
    @Req() http: FastifyRequest,
  ): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.rename(principal, id, request.name, requestContext(http)));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an origin group no team uses (409 names the teams that do)' })
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.origins.remove(principal, id, requestContext(http));
  }

  @Post(':id/items')
  async addItem(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: CreateOriginItemDto,
    @Req() http: FastifyRequest,
  ): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.addItem(principal, id, request, requestContext(http)));
  }

  @Put(':id/items/order')
  @ApiOperation({ summary: 'Reorder: the full list of item ids in the new order' })
  async reorder(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: ReorderCatalogDto,
    @Req() http: FastifyRequest,
  ): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.reorder(principal, id, request.ids, requestContext(http)));
  }

  @Patch(':id/items/:itemId')
  async updateItem(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Body() request: UpdateOriginItemDto,
    @Req() http: FastifyRequest,
  ): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.updateItem(principal, id, itemId, request, requestContext(http)));
  }

  @Delete(':id/items/:itemId')
  @ApiOperation({ summary: 'Delete an origin; its attendances count as "Outros" from then on' })
  async removeItem(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Param('itemId', uuid) itemId: string,
    @Req() http: FastifyRequest,
  ): Promise<OriginGroupView> {
    return toOriginGroupView(await this.origins.removeItem(principal, id, itemId, requestContext(http)));
  }
}

import { Role, type FunnelView, type Page } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { PageQueryDto } from '../../core/pagination/page-query.dto';
import { requestContext } from '../../core/http/request-context';
import { RenameCatalogDto, ReorderCatalogDto } from '../catalog/catalog.dto';
import { CreateFunnelDto, CreateStageDto, UpdateStageDto } from './dto/funnel.dto';
import { toFunnelView } from './funnel.mapper';
import { FunnelsService } from './funnels.service';

const uuid = new ParseUUIDPipe();

/** Funnels are admin territory: managers and agents neither see nor edit them here. */
@ApiTags('funnels')
@Controller('funnels')
@Authorized(Role.Admin)
export class FunnelsController {
  constructor(private readonly funnels: FunnelsService) {}

  @Get()
  async list(@Query() query: PageQueryDto): Promise<Page<FunnelView>> {
    const page = await this.funnels.list(query);
    return { items: page.items.map(toFunnelView), nextCursor: page.nextCursor };
  }

  @Post()
  @ApiOperation({ summary: 'Create a funnel, optionally with its stages' })
  async create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateFunnelDto, @Req() http: FastifyRequest): Promise<FunnelView> {
    return toFunnelView(await this.funnels.create(principal, request.name, request.stages ?? [], requestContext(http)));
  }

  @Get(':id')
  async get(@Param('id', uuid) id: string): Promise<FunnelView> {
    return toFunnelView(await this.funnels.get(id));
  }

  @Patch(':id')
  async rename(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: RenameCatalogDto,
    @Req() http: FastifyRequest,
  ): Promise<FunnelView> {
    return toFunnelView(await this.funnels.rename(principal, id, request.name, requestContext(http)));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a funnel no team uses (409 names the teams that do)' })
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.funnels.remove(principal, id, requestContext(http));
  }

  @Post(':id/stages')
  async addStage(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: CreateStageDto,
    @Req() http: FastifyRequest,
  ): Promise<FunnelView> {
    return toFunnelView(await this.funnels.addItem(principal, id, request, requestContext(http)));
  }

  @Put(':id/stages/order')
  @ApiOperation({ summary: 'Reorder: the full list of stage ids in the new order' })
  async reorder(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: ReorderCatalogDto,
    @Req() http: FastifyRequest,
  ): Promise<FunnelView> {
    return toFunnelView(await this.funnels.reorder(principal, id, request.ids, requestContext(http)));
  }

  @Patch(':id/stages/:stageId')
  async updateStage(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Param('stageId', uuid) stageId: string,
    @Body() request: UpdateStageDto,
    @Req() http: FastifyRequest,
  ): Promise<FunnelView> {
    return toFunnelView(await this.funnels.updateItem(principal, id, stageId, request, requestContext(http)));
  }

  @Delete(':id/stages/:stageId')
  @ApiOperation({ summary: 'Delete a stage; its attendances count as "Outros" from then on' })
  async removeStage(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Param('stageId', uuid) stageId: string,
    @Req() http: FastifyRequest,
  ): Promise<FunnelView> {
    return toFunnelView(await this.funnels.removeItem(principal, id, stageId, requestContext(http)));
  }
}

import { Role, type Page, type TeamView } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { PageQueryDto } from '../../core/pagination/page-query.dto';
import { requestContext } from '../../core/http/request-context';
import { CreateTeamDto, UpdateTeamDto } from './dto/team.dto';
import { TeamsService } from './teams.service';

const uuid = new ParseUUIDPipe();

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Teams (a manager sees their own)' })
  list(@CurrentUser() principal: UserPrincipal, @Query() query: PageQueryDto): Promise<Page<TeamView>> {
    return this.teams.list(principal, query);
  }

  @Post()
  @Authorized(Role.Admin)
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateTeamDto, @Req() http: FastifyRequest): Promise<TeamView> {
    return this.teams.create(principal, request, requestContext(http));
  }

  @Get(':id')
  @Authorized(Role.Admin, Role.Manager)
  get(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string): Promise<TeamView> {
    return this.teams.get(principal, id);
  }

  @Patch(':id')
  @Authorized(Role.Admin)
  @ApiOperation({ summary: 'Rename, assign funnel/origin group, set members' })
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateTeamDto,
    @Req() http: FastifyRequest,
  ): Promise<TeamView> {
    return this.teams.update(principal, id, request, requestContext(http));
  }

  @Delete(':id')
  @Authorized(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.teams.remove(principal, id, requestContext(http));
  }
}

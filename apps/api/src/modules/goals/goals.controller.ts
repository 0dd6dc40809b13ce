import { Role, type GoalProgressResponse, type GoalView } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { GoalProgressQuery } from './dto/goal-progress.query';
import { CreateGoalDto, UpdateGoalDto } from './dto/goal.dto';
import { GoalsService } from './goals.service';

const uuid = new ParseUUIDPipe();

@ApiTags('goals')
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({ summary: 'Goals the caller sees: admins all; managers the tenant’s, their team’s and their agents’; agents their own' })
  list(@CurrentUser() principal: UserPrincipal): Promise<{ items: GoalView[] }> {
    return this.goals.list(principal);
  }

  @Get('progress')
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  @ApiOperation({
    summary: 'Progress of the goals of a scope in the current or previous week/month: actual, expected by now, projection, status',
    description:
      'Scoped like the dashboard: agents see their own goals, managers their team’s and its agents’, admins every goal or a team’s/agent’s. ' +
      'Periods are in the tenant’s time zone; pace counts calendar time (ahead ≥ 110% of expected, behind < 90%).',
  })
  progress(@CurrentUser() principal: UserPrincipal, @Query() query: GoalProgressQuery): Promise<GoalProgressResponse> {
    return this.goals.progressOf(principal, query);
  }

  @Post()
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Set a goal for the tenant, a team or an agent (managers: their team and its agents); 409 GOAL_EXISTS for a second one' })
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateGoalDto, @Req() http: FastifyRequest): Promise<GoalView> {
    return this.goals.create(principal, request, requestContext(http));
  }

  @Patch(':id')
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Change a goal’s target or first day' })
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateGoalDto,
    @Req() http: FastifyRequest,
  ): Promise<GoalView> {
    return this.goals.update(principal, id, request, requestContext(http));
  }

  @Delete(':id')
  @Authorized(Role.Admin, Role.Manager)
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.goals.remove(principal, id, requestContext(http));
  }
}

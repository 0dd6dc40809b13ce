import { Role, type Page, type UserView } from '@fasto/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/auth/principal';
import { ANY_ROLE, Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser } from '../../core/decorators/current-principal.decorator';
import { requestContext } from '../../core/http/request-context';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateMeDto, UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe();

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Members: the whole tenant for admins, their own team for managers' })
  list(@CurrentUser() principal: UserPrincipal, @Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(principal, query);
  }

  @Post()
  @Authorized(Role.Admin)
  @ApiOperation({ summary: 'Add a member; they get an invitation email to set their password' })
  create(@CurrentUser() principal: UserPrincipal, @Body() request: CreateUserDto, @Req() http: FastifyRequest): Promise<UserView> {
    return this.users.create(principal, request, requestContext(http));
  }

  @Patch('me')
  @Authorized(...ANY_ROLE)
  @ApiOperation({ summary: 'Edit your own profile (agents cannot change their full name)' })
  updateMe(@CurrentUser() principal: UserPrincipal, @Body() request: UpdateMeDto, @Req() http: FastifyRequest): Promise<UserView> {
    return this.users.updateMe(principal, request, requestContext(http));
  }

  @Get(':id')
  @Authorized(Role.Admin, Role.Manager, Role.Agent)
  get(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string): Promise<UserView> {
    return this.users.get(principal, id);
  }

  @Patch(':id')
  @Authorized(Role.Admin, Role.Manager)
  @ApiOperation({ summary: 'Admins: anything; managers: name, phone and avatar of their own team' })
  update(
    @CurrentUser() principal: UserPrincipal,
    @Param('id', uuid) id: string,
    @Body() request: UpdateUserDto,
    @Req() http: FastifyRequest,
  ): Promise<UserView> {
    return this.users.update(principal, id, request, requestContext(http));
  }

  @Delete(':id')
  @Authorized(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Deactivate a member and end their sessions' })
  async deactivate(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string, @Req() http: FastifyRequest): Promise<void> {
    await this.users.deactivate(principal, id, requestContext(http));
  }
}

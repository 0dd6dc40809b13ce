import { type NotificationView, type Page, type ReadAllResponse, type UnreadCountResponse } from '@fasto/contracts';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest, UserPrincipal } from '../../core/auth/principal';
import { ANY_ROLE, Authorized } from '../../core/decorators/authorized.decorator';
import { CurrentUser, currentUserOf } from '../../core/decorators/current-principal.decorator';
import { bearerExpiry } from '../../core/http/bearer-expiry';
import { fileContent } from '../../core/http/openapi-answers';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationStreams } from './notification-streams';
import { NotificationsService } from './notifications.service';

const uuid = new ParseUUIDPipe();

/** The count with a weak ETag: a tab sending it back gets an empty 304 while nothing changed. */
function countReply(count: number, ifNoneMatch: string | undefined, reply: FastifyReply): UnreadCountResponse | undefined {
  const etag = `W/"${count}"`;
  void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (ifNoneMatch === etag) {
    void reply.status(HttpStatus.NOT_MODIFIED);
    return undefined;
  }
  return { count };
}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @Authorized(...ANY_ROLE)
  @ApiOperation({ summary: 'Your notifications, newest first (`unread=true` for unread only)' })
  list(@CurrentUser() principal: UserPrincipal, @Query() query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(principal, query);
  }

  @Get('unread-count')
  @Authorized(...ANY_ROLE)
  @ApiOperation({ summary: 'How many unread; send If-None-Match with the last ETag to get 304 when unchanged' })
  unreadCount(
    // The reply (and its request) rather than @CurrentUser()/@Headers(): Nest resolves each
    // parameter in promises of its own, a tenth of the cost of this route that every tab polls.
    @Res({ passthrough: true }) reply: FastifyReply,
  ): UnreadCountResponse | undefined | Promise<UnreadCountResponse | undefined> {
    const request = reply.request as AuthenticatedRequest;
    const ifNoneMatch = request.headers['if-none-match'];
    const count = this.notifications.unreadCount(currentUserOf(request));
    if (typeof count === 'number') return countReply(count, ifNoneMatch, reply);
    return count.then((fetched) => countReply(fetched, ifNoneMatch, reply));
  }

  @Get('stream')
  @Authorized(...ANY_ROLE)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The event stream', content: fileContent('text/event-stream') })
  @ApiOperation({ summary: 'Server-Sent Events: `notification` and `unread-count`; ends when the token expires or the session is revoked' })
  async stream(@CurrentUser() principal: UserPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const locale = await this.notifications.localeOf(principal);
    reply.hijack();
    reply.raw.writeHead(HttpStatus.OK, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    await this.streams.open(
      { tenantId: principal.tenantId, userId: principal.userId, sessionId: principal.sessionId, locale, response: reply.raw },
      bearerExpiry(request),
    );
  }

  @Patch(':id/read')
  @Authorized(...ANY_ROLE)
  markRead(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string): Promise<NotificationView> {
    return this.notifications.markRead(principal, id);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @Authorized(...ANY_ROLE)
  markAllRead(@CurrentUser() principal: UserPrincipal): Promise<ReadAllResponse> {
    return this.notifications.markAllRead(principal);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authorized(...ANY_ROLE)
  remove(@CurrentUser() principal: UserPrincipal, @Param('id', uuid) id: string): Promise<void> {
    return this.notifications.remove(principal, id);
  }
}

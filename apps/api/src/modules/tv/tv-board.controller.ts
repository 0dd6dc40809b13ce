import type { TvBoard } from '@fasto/contracts';
import { Controller, Get, HttpStatus, InternalServerErrorException, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import { fileContent } from '../../core/http/openapi-answers';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest, Principal } from '../../core/auth/principal';
import { TvBoardRoute } from '../../core/decorators/tv-board-route.decorator';
import { bearerExpiry } from '../../core/http/bearer-expiry';
import { TvBoardQuery } from './dto/tv-board.query';
import { boardTeamOf } from './tv-board-scope';
import { TvBoardService } from './tv-board.service';
import { TvTicker } from './tv-ticker';

const principalOf = (request: AuthenticatedRequest): Principal => {
  if (!request.principal) throw new InternalServerErrorException('Principal missing');
  return request.principal;
};

/** The wall screen's board and its live ticker: a TV link's token (header) or a signed-in admin/manager. */
@ApiTags('tv')
@Controller('tv')
export class TvBoardController {
  constructor(
    private readonly board: TvBoardService,
    private readonly ticker: TvTicker,
  ) {}

  @Get('board')
  @TvBoardRoute()
  @ApiOperation({ summary: 'Ranking with movement, today’s and the period’s sales, the latest closed sales, goals: names and numbers only' })
  get(@Req() request: AuthenticatedRequest, @Query() query: TvBoardQuery): Promise<TvBoard> {
    return this.board.get(boardTeamOf(principalOf(request), query.teamId), query.period ?? 'week');
  }

  @Get('stream')
  @TvBoardRoute()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The event stream', content: fileContent('text/event-stream') })
  @ApiOperation({ summary: 'Server-Sent Events: `sale` for each newly closed sale of the board; ends when the link is revoked' })
  async stream(@Req() request: AuthenticatedRequest, @Query() query: TvBoardQuery, @Res() reply: FastifyReply): Promise<void> {
    const principal = principalOf(request);
    const teamId = boardTeamOf(principal, query.teamId);
    reply.hijack();
    reply.raw.writeHead(HttpStatus.OK, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    await this.ticker.open({
      tenantId: principal.tenantId,
      teamId,
      period: query.period ?? 'week',
      tvLinkId: principal.kind === 'tv_link' ? principal.tvLinkId : null,
      endsAt: principal.kind === 'tv_link' ? null : bearerExpiry(request),
      response: reply.raw,
    });
  }
}

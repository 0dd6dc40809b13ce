import type { CreatedTvLink, TvLinkView } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { hashSecretToken } from '../../core/auth/secret-token';
import { generateTvToken } from '../../core/auth/tv-token-format';
import { newId } from '../../core/database/ids';
import { Transactions } from '../../core/database/transactions';
import type { RequestContext } from '../../core/http/request-context';
import { AuditService } from '../audit/audit.service';
import type { CreateTvLinkDto } from './dto/create-tv-link.dto';
import { TvBoardRepository } from './tv-board.repository';
import { toTvLinkView } from './tv-link.mapper';
import { TvLinksRepository } from './tv-links.repository';
import { TvTicker } from './tv-ticker';

/** The tenant admins' TV links: the token is shown once and stored as a SHA-256 digest, as API keys are. */
@Injectable()
export class TvLinksService {
  constructor(
    private readonly links: TvLinksRepository,
    private readonly board: TvBoardRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly ticker: TvTicker,
  ) {}

  async list(): Promise<TvLinkView[]> {
    return (await this.links.list()).map(toTvLinkView);
  }

  async create(principal: UserPrincipal, request: CreateTvLinkDto, context: RequestContext): Promise<CreatedTvLink> {
    const teamId = request.teamId ?? null;
    const generated = generateTvToken();
    const link = await this.transactions.run(async () => {
      if (teamId && !(await this.board.teamExists(teamId))) throw new NotFoundException('Team not found');
      const id = newId();
      await this.links.insert({
        id,
        name: request.name,
        teamId,
        prefix: generated.prefix,
        tokenHash: hashSecretToken(generated.token),
        createdBy: principal.userId,
      });
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'tv_link.created',
        entity: 'tv_link',
        entityId: id,
        changes: { name: request.name, teamId, prefix: generated.prefix },
        ...context,
      });
      return this.links.findById(id);
    });
    if (!link) throw new Error('The TV link just created is missing');
    return { ...toTvLinkView(link), token: generated.token };
  }

  /** Revocation is immediate: the link's next call answers 401 and its open tickers close. */
  async revoke(principal: UserPrincipal, id: string, context: RequestContext): Promise<void> {
    await this.transactions.run(async () => {
      if (!(await this.links.revoke(id, new Date()))) throw new NotFoundException('TV link not found');
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'tv_link.revoked',
        entity: 'tv_link',
        entityId: id,
        ...context,
      });
    });
    this.ticker.closeLink(id);
  }
}

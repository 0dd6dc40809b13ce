import { Role, type FunnelView, type IntegrationUser, type OriginGroupView } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource } from 'typeorm';
import type { CatalogService, CatalogSnapshot } from '../catalog/catalog.service';
import { toFunnelView } from '../funnels/funnel.mapper';
import { FunnelsService } from '../funnels/funnels.service';
import { toOriginGroupView } from '../origins/origin.mapper';
import { OriginsService } from '../origins/origins.service';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';

/** What an n8n workflow maps the AI's answer against: people, stages, origins. */
@Injectable()
export class IntegrationCatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly funnels: FunnelsService,
    private readonly origins: OriginsService,
  ) {}

  async users(tenantId: string): Promise<IntegrationUser[]> {
    const users = await this.dataSource.getRepository(User).find({
      where: { tenantId: Equal(tenantId), isActive: true, role: In([Role.Agent, Role.Manager]) },
      order: { fullName: 'ASC' },
    });
    const teams = await this.dataSource.getRepository(Team).findBy({ tenantId: Equal(tenantId) });
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    return users.map((user) => ({
      id: user.id,
      name: user.fullName,
      email: user.email,
      role: user.role as IntegrationUser['role'],
      teamId: user.teamId,
      teamName: user.teamId ? (teamNames.get(user.teamId) ?? null) : null,
    }));
  }

  async funnelList(tenantId: string): Promise<FunnelView[]> {
    return (await this.all(this.funnels, tenantId)).map(toFunnelView);
  }

  async originList(tenantId: string): Promise<OriginGroupView[]> {
    return (await this.all(this.origins, tenantId)).map(toOriginGroupView);
  }

  /** Every group of the tenant (they are few): the pages of the catalog, concatenated. */
  private async all(catalog: CatalogService, tenantId: string): Promise<CatalogSnapshot[]> {
    const groups: CatalogSnapshot[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.list(tenantId, { limit: 200, cursor });
      groups.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return groups;
  }
}

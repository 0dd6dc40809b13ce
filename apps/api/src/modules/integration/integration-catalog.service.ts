import type { FunnelView, IntegrationUser, OriginGroupView } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import type { CatalogService, CatalogSnapshot } from '../catalog/catalog.service';
import { toFunnelView } from '../funnels/funnel.mapper';
import { FunnelsService } from '../funnels/funnels.service';
import { toOriginGroupView } from '../origins/origin.mapper';
import { OriginsService } from '../origins/origins.service';
import { IntegrationCatalogRepository } from './integration-catalog.repository';

/** What an n8n workflow maps the AI's answer against, in the API key's tenant: people, stages, origins. */
@Injectable()
export class IntegrationCatalogService {
  constructor(
    private readonly catalog: IntegrationCatalogRepository,
    private readonly funnels: FunnelsService,
    private readonly origins: OriginsService,
  ) {}

  async users(): Promise<IntegrationUser[]> {
    const [users, teams] = await Promise.all([this.catalog.mappableUsers(), this.catalog.allTeams()]);
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

  async funnelList(): Promise<FunnelView[]> {
    return (await this.all(this.funnels)).map(toFunnelView);
  }

  async originList(): Promise<OriginGroupView[]> {
    return (await this.all(this.origins)).map(toOriginGroupView);
  }

  /** Every group of the tenant (they are few): the pages of the catalog, concatenated. */
  private async all(catalog: CatalogService): Promise<CatalogSnapshot[]> {
    const groups: CatalogSnapshot[] = [];
    let cursor: string | undefined;
    do {
      const page = await catalog.list({ limit: 200, cursor });
      groups.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return groups;
  }
}

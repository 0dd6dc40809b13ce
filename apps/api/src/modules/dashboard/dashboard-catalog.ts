import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Team } from '../teams/entities/team.entity';

export interface CatalogEntry {
  id: string;
  name: string;
  color: string;
}

/** The stages and origins the pies are made of: one team's, or every one of the tenant. */
@Injectable()
export class DashboardCatalog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forTeam(tenantId: string, teamId: string | null): Promise<{ stages: CatalogEntry[]; origins: CatalogEntry[] }> {
    const team = teamId ? await this.dataSource.getRepository(Team).findOneBy({ id: Equal(teamId), tenantId: Equal(tenantId) }) : null;
    const stages = this.dataSource
      .getRepository(FunnelStage)
      .createQueryBuilder('s')
      .innerJoin('funnels', 'f', 'f.id = s.funnel_id')
      .select(['s.id', 's.name', 's.color'])
      .where('s.tenantId = :tenantId', { tenantId })
      .orderBy('f.name', 'ASC')
      .addOrderBy('s.position', 'ASC');
    const origins = this.dataSource
      .getRepository(OriginItem)
      .createQueryBuilder('o')
      .innerJoin('origin_groups', 'g', 'g.id = o.origin_group_id')
      .select(['o.id', 'o.name', 'o.color'])
      .where('o.tenantId = :tenantId', { tenantId })
      .orderBy('g.name', 'ASC')
      .addOrderBy('o.position', 'ASC');
    if (teamId) {
      // A team without a funnel (or origin group) has no known entries: everything is "Outros".
      stages.andWhere('s.funnelId = :funnelId', { funnelId: team?.funnelId ?? '' });
      origins.andWhere('o.originGroupId = :groupId', { groupId: team?.originGroupId ?? '' });
    }
    const [stageRows, originRows] = await Promise.all([stages.getMany(), origins.getMany()]);
    return {
      stages: stageRows.map((stage) => ({ id: stage.id, name: stage.name, color: stage.color })),
      origins: originRows.map((origin) => ({ id: origin.id, name: origin.name, color: origin.color })),
    };
  }
}

import type { ColoredRef, NamedRef } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { FunnelStage } from '../funnels/entities/funnel-stage.entity';
import { OriginItem } from '../origins/entities/origin-item.entity';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';
import type { Attendance } from './entities/attendance.entity';

export interface AttendanceNames {
  agents: Map<string, NamedRef>;
  teams: Map<string, NamedRef>;
  stages: Map<string, ColoredRef>;
  origins: Map<string, ColoredRef>;
}

const idsOf = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];

/** Names and colors for a page of attendances, from the current tenant: four batched queries, whatever the page size. */
@Injectable()
export class AttendanceNamesRepository {
  private readonly users = this.tables.of(User);
  private readonly teams = this.tables.of(Team);
  private readonly stages = this.tables.of(FunnelStage);
  private readonly origins = this.tables.of(OriginItem);

  constructor(private readonly tables: TenantTables) {}

  async forRows(rows: Pick<Attendance, 'userId' | 'teamId' | 'funnelStageId' | 'originItemId'>[]): Promise<AttendanceNames> {
    const userIds = idsOf(rows.map((row) => row.userId));
    const teamIds = idsOf(rows.map((row) => row.teamId));
    const stageIds = idsOf(rows.map((row) => row.funnelStageId));
    const originIds = idsOf(rows.map((row) => row.originItemId));
    const [users, teams, stages, origins] = await Promise.all([
      userIds.length ? this.users.queryBuilder('u').select(['u.id', 'u.fullName']).andWhere('u.id IN (:...userIds)', { userIds }).getMany() : [],
      teamIds.length ? this.teams.queryBuilder('t').select(['t.id', 't.name']).andWhere('t.id IN (:...teamIds)', { teamIds }).getMany() : [],
      stageIds.length ? this.stages.queryBuilder('s').select(['s.id', 's.name', 's.color']).andWhere('s.id IN (:...stageIds)', { stageIds }).getMany() : [],
      originIds.length ? this.origins.queryBuilder('o').select(['o.id', 'o.name', 'o.color']).andWhere('o.id IN (:...originIds)', { originIds }).getMany() : [],
    ]);
    return {
      agents: new Map(users.map((user) => [user.id, { id: user.id, name: user.fullName }])),
      teams: new Map(teams.map((team) => [team.id, { id: team.id, name: team.name }])),
      stages: new Map(stages.map((stage) => [stage.id, { id: stage.id, name: stage.name, color: stage.color }])),
      origins: new Map(origins.map((origin) => [origin.id, { id: origin.id, name: origin.name, color: origin.color }])),
    };
  }
}

import type { ColoredRef, NamedRef } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, type DataSource } from 'typeorm';
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

/** Names and colors for a page of attendances: four batched queries, whatever the page size. */
@Injectable()
export class AttendanceLookups {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forRows(tenantId: string, rows: Pick<Attendance, 'userId' | 'teamId' | 'funnelStageId' | 'originItemId'>[]): Promise<AttendanceNames> {
    const userIds = idsOf(rows.map((row) => row.userId));
    const teamIds = idsOf(rows.map((row) => row.teamId));
    const stageIds = idsOf(rows.map((row) => row.funnelStageId));
    const originIds = idsOf(rows.map((row) => row.originItemId));
    const tenant = Equal(tenantId);
    const [users, teams, stages, origins] = await Promise.all([
      userIds.length ? this.dataSource.getRepository(User).find({ select: { id: true, fullName: true }, where: { tenantId: tenant, id: In(userIds) } }) : [],
      teamIds.length ? this.dataSource.getRepository(Team).find({ select: { id: true, name: true }, where: { tenantId: tenant, id: In(teamIds) } }) : [],
      stageIds.length
        ? this.dataSource.getRepository(FunnelStage).find({ select: { id: true, name: true, color: true }, where: { tenantId: tenant, id: In(stageIds) } })
        : [],
      originIds.length
        ? this.dataSource.getRepository(OriginItem).find({ select: { id: true, name: true, color: true }, where: { tenantId: tenant, id: In(originIds) } })
        : [],
    ]);
    return {
      agents: new Map(users.map((user) => [user.id, { id: user.id, name: user.fullName }])),
      teams: new Map(teams.map((team) => [team.id, { id: team.id, name: team.name }])),
      stages: new Map(stages.map((stage) => [stage.id, { id: stage.id, name: stage.name, color: stage.color }])),
      origins: new Map(origins.map((origin) => [origin.id, { id: origin.id, name: origin.name, color: origin.color }])),
    };
  }
}

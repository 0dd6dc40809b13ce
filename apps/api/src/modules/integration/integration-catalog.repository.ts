import { Role } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { Team } from '../teams/entities/team.entity';
import { User } from '../users/entities/user.entity';

/** The people an n8n workflow maps the AI's answer to, in the current tenant. */
@Injectable()
export class IntegrationCatalogRepository {
  private readonly users = this.tables.of(User);
  private readonly teams = this.tables.of(Team);

  constructor(private readonly tables: TenantTables) {}

  /** Active agents and managers, by name. */
  mappableUsers(): Promise<User[]> {
    return this.users.find({ isActive: true, role: In([Role.Agent, Role.Manager]) }, { fullName: 'ASC' });
  }

  allTeams(): Promise<Team[]> {
    return this.teams.find();
  }
}

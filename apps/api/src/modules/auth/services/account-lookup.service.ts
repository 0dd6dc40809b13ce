import { TENANT_STATUSES_WITH_ACCESS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';

export interface Account {
  user: User;
  tenant: Tenant;
}

/** A user row with its tenant mapped on by the join (not a column of users). */
type UserWithTenant = User & { tenant?: Tenant };

/** Reads a user together with their tenant, in one query; ids are always compared as bound values. */
@Injectable()
export class AccountLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byEmail(email: string): Promise<Account | null> {
    return this.one(this.withTenant().where('user.email = :email', { email: email.trim().toLowerCase() }));
  }

  byId(tenantId: string, userId: string): Promise<Account | null> {
    return this.one(this.withTenant().where('user.id = :userId AND user.tenantId = :tenantId', { userId, tenantId }));
  }

  private withTenant(): SelectQueryBuilder<UserWithTenant> {
    return this.dataSource
      .getRepository<UserWithTenant>(User)
      .createQueryBuilder('user')
      .innerJoinAndMapOne('user.tenant', Tenant, 'tenant', 'tenant.id = user.tenantId');
  }

  private async one(query: SelectQueryBuilder<UserWithTenant>): Promise<Account | null> {
    const user = await query.getOne();
    const tenant = user?.tenant;
    if (!user || !tenant) return null;
    delete user.tenant;
    return { user, tenant };
  }
}

export const tenantHasAccess = (tenant: Tenant): boolean => TENANT_STATUSES_WITH_ACCESS.includes(tenant.status);

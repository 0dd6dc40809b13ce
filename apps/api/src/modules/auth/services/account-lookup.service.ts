import { TENANT_STATUSES_WITH_ACCESS } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { Tenant } from '../../tenants/entities/tenant.entity';
import { User } from '../../users/entities/user.entity';

export interface Account {
  user: User;
  tenant: Tenant;
}

/** Reads a user together with their tenant; ids are always compared with `Equal` (never undefined). */
@Injectable()
export class AccountLookupService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byEmail(email: string): Promise<Account | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: Equal(email.trim().toLowerCase()) });
    return user ? this.withTenant(user) : null;
  }

  async byId(tenantId: string, userId: string): Promise<Account | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: Equal(userId), tenantId: Equal(tenantId) });
    return user ? this.withTenant(user) : null;
  }

  private async withTenant(user: User): Promise<Account | null> {
    const tenant = await this.dataSource.getRepository(Tenant).findOneBy({ id: Equal(user.tenantId) });
    return tenant ? { user, tenant } : null;
  }
}

export const tenantHasAccess = (tenant: Tenant): boolean => TENANT_STATUSES_WITH_ACCESS.includes(tenant.status);

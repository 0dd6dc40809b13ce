import type { AuthUser, Impersonator } from '@fasto/contracts';
import type { Tenant } from '../tenants/entities/tenant.entity';
import type { User } from '../users/entities/user.entity';

export function toAuthUser(user: User, tenant: Tenant): AuthUser {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    tenantId: tenant.id,
    tenantName: tenant.name,
    tenantStatus: tenant.status,
    teamId: user.teamId,
    phone: user.phone,
    avatarUrl: user.avatarUrl,
    locale: user.locale,
  };
}

export const toImpersonator = (user: User): Impersonator => ({ id: user.id, email: user.email, fullName: user.fullName });

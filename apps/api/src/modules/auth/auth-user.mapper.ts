import type { AuthUser, Impersonator } from '@fasto/contracts';
import type { User } from '../users/entities/user.entity';
import type { Account } from './services/account-lookup.service';

export function toAuthUser(user: Account['user'], tenant: Account['tenant']): AuthUser {
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

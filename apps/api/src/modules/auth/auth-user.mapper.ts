import type { AuthUser, Impersonator } from '@fasto/contracts';
import type { Account } from './accounts.repository';

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
    digest: user.digest,
  };
}

export const toImpersonator = (user: Pick<Account['user'], 'id' | 'email' | 'fullName'>): Impersonator => ({
  id: user.id,
  email: user.email,
  fullName: user.fullName,
});

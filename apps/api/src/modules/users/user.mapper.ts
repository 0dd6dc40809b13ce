import type { UserView } from '@fasto/contracts';
import type { User } from './entities/user.entity';

/** The only shape a user leaves the API in: never the password hash. */
export function toUserView(user: User, teamName: string | null): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    phone: user.phone,
    avatarUrl: user.avatarUrl,
    locale: user.locale,
    digest: user.digest,
    role: user.role,
    teamId: user.teamId,
    teamName,
    isActive: user.isActive,
    hasPassword: user.passwordHash !== null,
    lastLoginAt: user.lastLoginAt ? new Date(user.lastLoginAt).toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

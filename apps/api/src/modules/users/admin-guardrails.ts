import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException, ForbiddenException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { apiError } from '../../core/errors/api-error';
import type { UsersRepository } from './users.repository';

export const LAST_ADMIN = 'An organization needs at least one active admin: promote someone else first';

/**
 * Refuses to demote or deactivate the tenant's last active admin. Call it inside the write's
 * transaction: the admin rows stay locked, so two concurrent demotions cannot both pass.
 */
export async function assertAnotherActiveAdmin(users: UsersRepository, leavingUserId: string): Promise<void> {
  if ((await users.otherActiveAdmins(leavingUserId)) === 0) throw new ConflictException(apiError(ErrorCode.LastAdmin, LAST_ADMIN));
}

/**
 * A super admin acting as a tenant admin may run the tenant, but never leave with an account of
 * its own there: no new admins and no promotions while impersonating (the token ends in an hour,
 * an invited admin account would not).
 */
export function assertNoAdminGrantUnderImpersonation(principal: UserPrincipal, grantedRole: Role | undefined, currentRole: Role | null): void {
  if (principal.impersonatorId && grantedRole === Role.Admin && currentRole !== Role.Admin) {
    throw new ForbiddenException(apiError(ErrorCode.NotAllowedWhileImpersonating, 'Creating or promoting admins is not allowed while impersonating'));
  }
}

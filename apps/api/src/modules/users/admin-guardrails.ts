import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException, ForbiddenException } from '@nestjs/common';
import { Equal, Not, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { forUpdate } from '../../core/database/lock';
import { User } from './entities/user.entity';
import { apiError } from '../../core/errors/api-error';

export const LAST_ADMIN = 'An organization needs at least one active admin: promote someone else first';

/**
 * Refuses to demote or deactivate the tenant's last active admin. Runs inside the write's
 * transaction with the admin rows locked, so two concurrent demotions cannot both pass.
 */
export async function assertAnotherActiveAdmin(manager: EntityManager, tenantId: string, leavingUserId: string): Promise<void> {
  const others = await forUpdate(
    manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where({ tenantId: Equal(tenantId), role: Role.Admin, isActive: true, id: Not(Equal(leavingUserId)) }),
  ).getCount();
  if (others === 0) throw new ConflictException(apiError(ErrorCode.LastAdmin, LAST_ADMIN));
}

/**
 * A super admin acting as a tenant admin may run the tenant, but never leave with an account of
 * its own there: no new admins and no promotions while impersonating (the token ends in an hour,
 * an invited admin account would not).
 */
export function assertNoAdminGrantUnderImpersonation(principal: UserPrincipal, grantedRole: Role | undefined, currentRole: Role | null): void {
  if (principal.impersonatorId && grantedRole === Role.Admin && currentRole !== Role.Admin) {
    throw new ForbiddenException(
      apiError(ErrorCode.NotAllowedWhileImpersonating, 'Creating or promoting admins is not allowed while impersonating'),
    );
  }
}

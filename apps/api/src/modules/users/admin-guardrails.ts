import { ErrorCode, Role } from '@fasto/contracts';
import { ConflictException } from '@nestjs/common';
import { Equal, Not, type EntityManager } from 'typeorm';
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

import { Role } from '@fasto/contracts';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DENIED_UNDER_IMPERSONATION_KEY, ROLES_KEY } from '../access/access-metadata';

/**
 * The one access declaration of a user route: who may call it. A route without it (and
 * without `@Public()` or `@IntegrationRoute()`) is refused by the RolesGuard.
 */
export function Authorized(...roles: [Role, ...Role[]]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth('access-token'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token' }),
    ApiForbiddenResponse({ description: `Allowed for: ${roles.join(', ')}` }),
  );
}

/** Every signed-in role, for routes about the caller themself (profile, password, sessions). */
export const ANY_ROLE: [Role, ...Role[]] = [Role.SuperAdmin, Role.Admin, Role.Manager, Role.Agent];

/** Credential changes and key creation stay out of reach of impersonation tokens. */
export const DeniedUnderImpersonation = () => SetMetadata(DENIED_UNDER_IMPERSONATION_KEY, true);

import { Role, SYSTEM_TENANT_SLUG } from '@fasto/contracts';
import type { EntityManager } from 'typeorm';

/** An active user who receives a notification, and the tenant the row belongs to (theirs). */
export interface Recipient {
  tenantId: string;
  userId: string;
  role: Role;
  teamId: string | null;
}

interface RecipientRow {
  tenantId: string;
  userId: string;
  role: Role;
  teamId: string | null;
}

const SELECT = 'SELECT u.tenant_id AS tenantId, u.id AS userId, u.role AS role, u.team_id AS teamId FROM users u';

/** The super admins, who live in the hidden system tenant. */
export function superAdmins(manager: EntityManager): Promise<Recipient[]> {
  return manager.query<RecipientRow[]>(`${SELECT} INNER JOIN tenants t ON t.id = u.tenant_id WHERE t.slug = ? AND u.role = ? AND u.is_active = ?`, [
    SYSTEM_TENANT_SLUG,
    Role.SuperAdmin,
    true,
  ]);
}

/** A tenant's active admins, and the active managers of one team (when a team is given) — in one query. */
export function adminsAndTeamManagers(manager: EntityManager, tenantId: string, teamId: string | null): Promise<Recipient[]> {
  return manager.query<RecipientRow[]>(`${SELECT} WHERE u.tenant_id = ? AND u.is_active = ? AND (u.role = ? OR (u.role = ? AND u.team_id = ?))`, [
    tenantId,
    true,
    Role.Admin,
    Role.Manager,
    teamId ?? '',
  ]);
}

/** The four roles of SPEC §2; `super_admin` lives only in the hidden `system` tenant. */
export enum Role {
  SuperAdmin = 'super_admin',
  Admin = 'admin',
  Manager = 'manager',
  Agent = 'agent',
}

/** Roles a tenant admin may hand out: a super admin can never be created through tenant routes. */
export const TENANT_ROLES: readonly Role[] = [Role.Admin, Role.Manager, Role.Agent];

const ALL_ROLES = new Set<string>(Object.values(Role));

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ALL_ROLES.has(value);
}

import { isRole, Role, TENANT_ROLES } from './roles';

describe('roles', () => {
  it('recognises every declared role and nothing else', () => {
    for (const role of Object.values(Role)) expect(isRole(role)).toBe(true);
    for (const value of ['Admin', 'root', '', null, undefined, 3, {}]) expect(isRole(value)).toBe(false);
  });

  it('never lets a tenant hand out super admin', () => {
    expect(TENANT_ROLES).not.toContain(Role.SuperAdmin);
    expect([...TENANT_ROLES].sort()).toEqual([Role.Admin, Role.Agent, Role.Manager].sort());
  });
});

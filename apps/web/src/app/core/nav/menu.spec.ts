import { Role } from '@fasto/contracts';
import { homeFor, menuFor } from './menu';

const paths = (role: Role) => menuFor(role).map((item) => item.path);

describe('menu by role', () => {
  it('gives admins every tenant screen but not the console', () => {
    expect(paths(Role.Admin)).toEqual(['/dashboard', '/attendances', '/members', '/teams', '/funnels', '/origins', '/audit', '/profile']);
  });

  it('hides Funnels, Origins and the audit log from managers', () => {
    expect(paths(Role.Manager)).toEqual(['/dashboard', '/attendances', '/members', '/teams', '/profile']);
  });

  it('shows agents only their own work', () => {
    expect(paths(Role.Agent)).toEqual(['/dashboard', '/attendances', '/profile']);
  });

  it('shows super admins the console and no tenant screens', () => {
    expect(paths(Role.SuperAdmin)).toEqual(['/console', '/profile']);
    expect(homeFor(Role.SuperAdmin)).toBe('/console');
    expect(homeFor(Role.Agent)).toBe('/dashboard');
  });
});

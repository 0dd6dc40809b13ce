import { Role } from '@fasto/contracts';
import { allowedAt, homeFor, menuFor } from './menu';

const paths = (role: Role) => menuFor(role).map((item) => item.path);

describe('menu by role', () => {
  it('gives admins every tenant screen but not the console', () => {
    expect(paths(Role.Admin)).toEqual([
      '/dashboard',
      '/attendances',
      '/members',
      '/teams',
      '/goals',
      '/funnels',
      '/origins',
      '/audit',
      '/settings',
      '/webhooks',
      '/tv-links',
      '/profile',
    ]);
  });

  it('hides Funnels, Origins and the audit log from managers', () => {
    expect(paths(Role.Manager)).toEqual(['/dashboard', '/attendances', '/members', '/teams', '/goals', '/profile']);
  });

  it('shows agents only their own work', () => {
    expect(paths(Role.Agent)).toEqual(['/dashboard', '/attendances', '/profile']);
  });

  it('shows super admins the console and the cross-tenant audit log, no tenant screens', () => {
    expect(paths(Role.SuperAdmin)).toEqual(['/audit', '/console', '/profile']);
    expect(homeFor(Role.SuperAdmin)).toBe('/console');
    expect(homeFor(Role.Agent)).toBe('/dashboard');
  });

  it('tells whether a role may stay on a URL when the session changes under it', () => {
    expect(allowedAt('/attendances?open=1', Role.SuperAdmin)).toBe(false);
    expect(allowedAt('/console/tenants/abc', Role.SuperAdmin)).toBe(true);
    expect(allowedAt('/console', Role.Admin)).toBe(false);
    expect(allowedAt('/members/abc', Role.Manager)).toBe(true);
    expect(allowedAt('/funnels', Role.Manager)).toBe(false);
    expect(allowedAt('/webhooks', Role.Manager)).toBe(false);
    expect(allowedAt('/unknown', Role.Agent)).toBe(true);
  });
});

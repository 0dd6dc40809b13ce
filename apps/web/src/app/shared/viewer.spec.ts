import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@fasto/api-client';
import { Role, type AuthUser, type TokenResponse } from '@fasto/contracts';
import { attendsCustomers, injectViewer } from './viewer';

function viewerAs(role: Role | null) {
  if (role) TestBed.inject(AuthSession).start({ accessToken: 't', user: { id: 'u', role } as AuthUser } as TokenResponse);
  return TestBed.runInInjectionContext(injectViewer);
}

describe('the viewer', () => {
  it('is an agent, with the fewest rights, while no one is signed in', () => {
    const viewer = viewerAs(null);
    expect(viewer.role()).toBe(Role.Agent);
    expect(viewer.isAdmin()).toBe(false);
    expect(viewer.leadsAgents()).toBe(false);
  });

  it.each([
    [Role.Admin, true, true],
    [Role.Manager, false, true],
    [Role.Agent, false, false],
  ])('%s: filters by team %s, by agent %s', (role, byTeam, byAgent) => {
    const viewer = viewerAs(role);
    expect(viewer.isAdmin()).toBe(byTeam);
    expect(viewer.leadsAgents()).toBe(byAgent);
  });

  it('lists agents and managers as the people who attend customers', () => {
    expect([Role.Admin, Role.Manager, Role.Agent].filter((role) => attendsCustomers({ role }))).toEqual([Role.Manager, Role.Agent]);
  });
});

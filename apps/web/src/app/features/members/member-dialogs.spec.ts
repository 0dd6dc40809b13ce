import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role, type TeamView, type UserView } from '@fasto/contracts';
import { EditMemberDialog } from './member-dialogs';

const member = {
  id: 'u1',
  fullName: 'Ana',
  email: 'ana@demo.test',
  phone: null,
  avatarUrl: null,
  role: Role.Manager,
  teamId: 't2',
  isActive: true,
  lastLoginAt: null,
  hasPassword: true,
} as unknown as UserView;
const teams = [
  { id: 't1', name: 'Alpha' },
  { id: 't2', name: 'Beta' },
] as unknown as TeamView[];

async function open(actor: Role) {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(EditMemberDialog);
  fixture.componentRef.setInput('member', member);
  fixture.componentRef.setInput('actor', actor);
  fixture.componentRef.setInput('selfId', 'me');
  fixture.detectChanges();
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const select = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLSelectElement;
  return { fixture, root, role: select('member-role'), team: select('member-team') };
}

describe('EditMemberDialog', () => {
  it("shows the member's role, and their team once the teams arrive; a change is sent", async () => {
    const { fixture, root, role, team } = await open(Role.Admin);
    expect(role.value).toBe(Role.Manager);
    fixture.componentRef.setInput('teams', teams);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(team.value).toBe('t2');
    expect([role.disabled, team.disabled]).toEqual([false, false]);
    team.value = 't1';
    team.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const saved = TestBed.inject(HttpTestingController).expectOne((request) => request.method === 'PATCH');
    expect(saved.request.body).toEqual({ teamId: 't1' });
  });

  it('keeps what a manager may not change disabled, and says why', async () => {
    const { fixture, root, role, team } = await open(Role.Manager);
    fixture.componentRef.setInput('teams', teams);
    fixture.detectChanges();
    await fixture.whenStable();
    expect([role.disabled, team.disabled, (root.querySelector('#member-name') as HTMLInputElement).disabled]).toEqual([true, true, false]);
    expect([role.value, team.value]).toEqual([Role.Manager, 't2']);
    expect(root.querySelector('[data-testid="role-locked"]')).not.toBeNull();
  });
});

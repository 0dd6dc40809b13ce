import { Role, type UserView } from '@fasto/contracts';
import { canChangeStatus, canInvite, draftOf, editableFields, inviteErrors, memberChanges, profileErrors } from './member-rules';

const agent: UserView = {
  id: 'u1',
  email: 'ana@demo.example',
  fullName: 'Ana',
  phone: null,
  avatarUrl: null,
  locale: null,
  digest: 'off',
  role: Role.Agent,
  teamId: 't1',
  teamName: 'Norte',
  isActive: true,
  hasPassword: true,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00Z',
};

describe('member rules', () => {
  it('lets managers edit only name, phone and avatar', () => {
    expect([...editableFields(Role.Manager)]).toEqual(['fullName', 'phone', 'avatarUrl']);
    expect(editableFields(Role.Admin).has('role')).toBe(true);
    expect(editableFields(Role.Admin).has('teamId')).toBe(true);
    expect(editableFields(Role.Agent).size).toBe(0);
  });

  it('never sends role or team for a manager, even when the draft has them changed', () => {
    const draft = { ...draftOf(agent), fullName: 'Ana Paula', role: Role.Admin, teamId: 't2' };
    expect(memberChanges(Role.Manager, agent, draft)).toEqual({ fullName: 'Ana Paula' });
    expect(memberChanges(Role.Admin, agent, draft)).toEqual({ fullName: 'Ana Paula', role: Role.Admin, teamId: 't2' });
  });

  it('sends cleared optional fields as null and nothing when nothing changed', () => {
    const withPhone = { ...agent, phone: '+55 11 90000-0000' };
    expect(memberChanges(Role.Admin, withPhone, { ...draftOf(withPhone), phone: ' ' })).toEqual({ phone: null });
    expect(memberChanges(Role.Admin, agent, draftOf(agent))).toEqual({});
    expect(memberChanges(Role.Admin, agent, { ...draftOf(agent), teamId: '' })).toEqual({ teamId: null });
  });

  it('only admins invite and change status, never their own', () => {
    expect(canInvite(Role.Admin)).toBe(true);
    expect(canInvite(Role.Manager)).toBe(false);
    expect(canChangeStatus(Role.Admin, agent, 'me')).toBe(true);
    expect(canChangeStatus(Role.Admin, agent, agent.id)).toBe(false);
    expect(canChangeStatus(Role.Manager, agent, 'me')).toBe(false);
  });

  it('checks the fields the API checks', () => {
    expect(profileErrors({ fullName: ' ', phone: 'abc', avatarUrl: 'http://x.example/a.png' })).toEqual([
      { field: 'fullName', key: 'members.err.name' },
      { field: 'phone', key: 'members.err.phone' },
      { field: 'avatarUrl', key: 'members.err.avatar' },
    ]);
    expect(profileErrors({ fullName: 'Ana', phone: '+55 (11) 91234-5678', avatarUrl: 'https://x.example/a.png' })).toEqual([]);
    expect(inviteErrors({ ...draftOf(agent), fullName: '', email: 'nope' })).toEqual([
      { field: 'email', key: 'members.err.email' },
      { field: 'fullName', key: 'members.err.name' },
    ]);
  });
});

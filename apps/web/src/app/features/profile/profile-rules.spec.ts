import { Role, TenantStatus, type AuthUser } from '@fasto/contracts';
import { canEditOwnName, canSubmitPassword, digestChoice, profileChanges, profileDraftOf, receivesDigest } from './profile-rules';

const user = (role: Role): AuthUser => ({
  id: 'u1',
  email: 'ana@demo.example',
  fullName: 'Ana',
  role,
  tenantId: 't',
  tenantName: 'Demo',
  tenantStatus: TenantStatus.Active,
  teamId: null,
  phone: '+55 11 90000-0000',
  avatarUrl: null,
  locale: null,
  digest: 'weekly',
});

describe('own profile', () => {
  it('offers the digest to managers and admins only, and takes only known frequencies', () => {
    expect([Role.Admin, Role.Manager, Role.Agent].map(receivesDigest)).toEqual([true, true, false]);
    expect(['daily', 'weekly', 'off', 'hourly', ''].map(digestChoice)).toEqual(['daily', 'weekly', 'off', null, null]);
  });

  it('keeps the name read-only for agents only', () => {
    expect(canEditOwnName(Role.Agent)).toBe(false);
    expect(canEditOwnName(Role.Manager)).toBe(true);
    expect(canEditOwnName(Role.Admin)).toBe(true);
  });

  it('never sends an agent’s name change, but sends their phone', () => {
    const agent = user(Role.Agent);
    expect(profileChanges(agent, { ...profileDraftOf(agent), fullName: 'Outra', phone: '' })).toEqual({ phone: null });
    const manager = user(Role.Manager);
    expect(profileChanges(manager, { ...profileDraftOf(manager), fullName: ' Ana Lima ' })).toEqual({ fullName: 'Ana Lima' });
    expect(profileChanges(manager, profileDraftOf(manager))).toEqual({});
  });

  it('waits for a current password and a new one that passes the rules', () => {
    expect(canSubmitPassword('', 'Nova senha forte 1', 'Nova senha forte 1')).toBe(false);
    expect(canSubmitPassword('velha', 'curta', 'curta')).toBe(false);
    expect(canSubmitPassword('velha', 'Nova senha forte 1', 'Nova senha forte 2')).toBe(false);
    expect(canSubmitPassword('Nova senha forte 1', 'Nova senha forte 1', 'Nova senha forte 1')).toBe(false);
    expect(canSubmitPassword('velha', 'Nova senha forte 1', 'Nova senha forte 1')).toBe(true);
  });
});

import type { UpdateMemberRequest } from '@fasto/api-client';
import { Role, type UserView } from '@fasto/contracts';
import { failedRules, type FieldError } from '../../shared/form-problems';

export type MemberField = 'fullName' | 'phone' | 'avatarUrl' | 'role' | 'teamId';

/** SPEC §2: admins edit everything; managers only name, phone and avatar (their team's people, which the API checks); agents nothing. */
export function editableFields(actor: Role): ReadonlySet<MemberField> {
  if (actor === Role.Admin) return new Set<MemberField>(['fullName', 'phone', 'avatarUrl', 'role', 'teamId']);
  if (actor === Role.Manager) return new Set<MemberField>(['fullName', 'phone', 'avatarUrl']);
  return new Set<MemberField>();
}

export const canInvite = (actor: Role): boolean => actor === Role.Admin;
export const canChangeStatus = (actor: Role, target: UserView, selfId: string): boolean => actor === Role.Admin && target.id !== selfId;

export interface MemberDraft {
  fullName: string;
  phone: string;
  avatarUrl: string;
  role: Role;
  teamId: string;
}

export const draftOf = (user: UserView): MemberDraft => ({
  fullName: user.fullName,
  phone: user.phone ?? '',
  avatarUrl: user.avatarUrl ?? '',
  role: user.role,
  teamId: user.teamId ?? '',
});

const PHONE = /^\+?[0-9 ().-]{6,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The API's own rules for the profile fields, checked before sending. */
export function profileErrors(draft: Pick<MemberDraft, 'fullName' | 'phone' | 'avatarUrl'>): FieldError[] {
  const phone = draft.phone.trim();
  const avatarUrl = draft.avatarUrl.trim();
  return failedRules(
    ['fullName', 'members.err.name', !draft.fullName.trim()],
    ['phone', 'members.err.phone', phone !== '' && !PHONE.test(phone)],
    ['avatarUrl', 'members.err.avatar', avatarUrl !== '' && !/^https:\/\/\S+$/.test(avatarUrl)],
  );
}

export const inviteErrors = (draft: MemberDraft & { email: string }): FieldError[] => [
  ...failedRules(['email', 'members.err.email', !EMAIL.test(draft.email.trim())]),
  ...profileErrors(draft),
];

/** Only what changed and what this actor may change: a manager's request never carries role or team. */
export function memberChanges(actor: Role, before: UserView, draft: MemberDraft): UpdateMemberRequest {
  const allowed = editableFields(actor);
  const original = draftOf(before);
  const changes: UpdateMemberRequest = {};
  if (allowed.has('fullName') && draft.fullName.trim() !== original.fullName) changes.fullName = draft.fullName.trim();
  if (allowed.has('phone') && draft.phone.trim() !== original.phone) changes.phone = draft.phone.trim() || null;
  if (allowed.has('avatarUrl') && draft.avatarUrl.trim() !== original.avatarUrl) changes.avatarUrl = draft.avatarUrl.trim() || null;
  if (allowed.has('role') && draft.role !== original.role) changes.role = draft.role;
  if (allowed.has('teamId') && draft.teamId !== original.teamId) changes.teamId = draft.teamId || null;
  return changes;
}

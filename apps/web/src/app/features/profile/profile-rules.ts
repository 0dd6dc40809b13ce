import type { AuthSession, UpdateMeRequest } from '@fasto/api-client';
import { DIGEST_FREQUENCIES, Role, type AuthUser, type DigestFrequency, type UserView } from '@fasto/contracts';
import { passwordRules } from '../auth/password-policy';

/** SPEC §2: agents cannot change their own full name (admins and managers can). */
export const canEditOwnName = (role: Role): boolean => role !== Role.Agent;

/** Digests sum up a team or the organization: managers and admins get them, agents do not. */
export const receivesDigest = (role: Role): boolean => role === Role.Admin || role === Role.Manager;

/** A select's value as a frequency; anything else is no change (null). */
export const digestChoice = (value: string): DigestFrequency | null =>
  (DIGEST_FREQUENCIES as readonly string[]).includes(value) ? (value as DigestFrequency) : null;

export interface ProfileDraft {
  fullName: string;
  phone: string;
  avatarUrl: string;
}

export const profileDraftOf = (user: AuthUser): ProfileDraft => ({ fullName: user.fullName, phone: user.phone ?? '', avatarUrl: user.avatarUrl ?? '' });

/** What changed; an agent's request never carries `fullName`. */
export function profileChanges(user: AuthUser, draft: ProfileDraft): UpdateMeRequest {
  const before = profileDraftOf(user);
  const changes: UpdateMeRequest = {};
  if (canEditOwnName(user.role) && draft.fullName.trim() !== before.fullName) changes.fullName = draft.fullName.trim();
  if (draft.phone.trim() !== before.phone) changes.phone = draft.phone.trim() || null;
  if (draft.avatarUrl.trim() !== before.avatarUrl) changes.avatarUrl = draft.avatarUrl.trim() || null;
  return changes;
}

/** The password form may be sent once the current password is typed and the new one passes the visible rules. */
export function canSubmitPassword(current: string, next: string, confirmation: string): boolean {
  const rules = passwordRules(next, confirmation);
  return current.length > 0 && rules.length && rules.match && next !== current;
}

/** What the API answered about oneself (name, contact, language, digest) shown at once in the shell. */
export function keepInSession(session: AuthSession, view: UserView): void {
  const user = session.user();
  if (user) session.updateUser({ ...user, fullName: view.fullName, phone: view.phone, avatarUrl: view.avatarUrl, locale: view.locale, digest: view.digest });
}

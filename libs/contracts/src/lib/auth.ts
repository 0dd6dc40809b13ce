import type { DigestFrequency } from './digest';
import type { Role } from './roles';
import type { TenantStatus } from './tenant';

/** The signed-in person as the API describes them (never a password hash). */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  tenantId: string;
  tenantName: string;
  tenantStatus: TenantStatus;
  teamId: string | null;
  phone: string | null;
  avatarUrl: string | null;
  /** The user's language choice; null follows the tenant's. */
  locale: string | null;
  /** How often the digest e-mail comes (managers and admins only). */
  digest: DigestFrequency;
}

/** The super admin acting through an impersonation token. */
export interface Impersonator {
  id: string;
  email: string;
  fullName: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** `POST /auth/login`, `POST /auth/refresh`; the refresh token travels only in its cookie. */
export interface TokenResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: AuthUser;
  impersonator?: Impersonator;
}

export interface MeResponse {
  user: AuthUser;
  impersonator: Impersonator | null;
}

/** One signed-in device (a refresh-token family). */
export interface SessionSummary {
  id: string;
  /** "Chrome on Windows", in English: clients word it from `browser` and `system`. */
  device: string;
  /** Product names, null when the user agent does not tell. */
  browser: string | null;
  system: string | null;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  current: boolean;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface AcceptInviteRequest {
  token: string;
  password: string;
}

/** `POST /auth/invite/check`: what an invitation link is worth, without using it. */
export interface InvitationCheckRequest {
  token: string;
}

/** `used` also covers a link replaced by a newer invitation; `invalid` an unknown link or an account that can no longer sign in. */
export const INVITATION_STATUSES = ['valid', 'used', 'expired', 'invalid'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationCheckResponse {
  status: InvitationStatus;
  /** Only for a valid link: whom it invites, and where. */
  email?: string;
  fullName?: string;
  tenantName?: string;
}

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const IMPERSONATION_TOKEN_TTL_SECONDS = 60 * 60;
export const REFRESH_COOKIE_NAME = 'fasto_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
export const PASSWORD_MIN_LENGTH = 10;

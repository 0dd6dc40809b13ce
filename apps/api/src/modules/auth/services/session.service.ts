import type { SessionSummary } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PrincipalCache } from '../../../core/auth/principal-cache';
import { generateSecretToken, hashSecretToken } from '../../../core/auth/secret-token';
import type { Statement } from '../../../core/database/insert-statement';
import { Transactions } from '../../../core/database/transactions';
import type { RequestContext } from '../../../core/http/request-context';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { deviceLabel, deviceOf } from '../device-label';
import type { RefreshToken } from '../entities/refresh-token.entity';
import { SessionsRepository } from '../sessions.repository';

const DAY_MS = 86_400_000;
/** Each use of a refresh token slides its session this far ahead… */
export const REFRESH_TTL_MS = 30 * DAY_MS;
/** …but never beyond this, counted from the login. */
export const SESSION_ABSOLUTE_TTL_MS = 90 * DAY_MS;
/**
 * A just-rotated token presented again within this window is a benign race (two tabs
 * refreshing at once): refused, but not treated as theft.
 */
export const ROTATION_GRACE_MS = 30_000;

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

export type RotationResult =
  | ({ outcome: 'rotated'; userId: string; tenantId: string } & IssuedRefreshToken)
  | { outcome: 'invalid' | 'expired' | 'revoked' | 'raced' }
  | { outcome: 'reused'; userId: string; tenantId: string; familyId: string };

const minDate = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/**
 * Login sessions as refresh-token families, in the current tenant. Only SHA-256 digests of the
 * tokens are stored; rotation is decided by one conditional UPDATE so concurrent refreshes yield
 * one successor. A refresh token presented to refresh or log out is first found across tenants,
 * then handled in its own tenant.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly tokens: SessionsRepository,
    private readonly transactions: Transactions,
    private readonly context: TenantContext,
    private readonly principals: PrincipalCache,
  ) {}

  /** A new session (a token family) for a user of the current tenant. */
  async start(userId: string, context: RequestContext, now = new Date()): Promise<IssuedRefreshToken> {
    const { row, issued } = this.newSession(userId, context, now);
    await this.tokens.insert(row);
    return issued;
  }

  /** A new session's token and the INSERT that stores it, to send along with other writes. */
  opening(userId: string, context: RequestContext, now = new Date()): { statement: Statement; issued: IssuedRefreshToken } {
    const { row, issued } = this.newSession(userId, context, now);
    return { statement: this.tokens.insertStatement(row), issued };
  }

  private newSession(userId: string, context: RequestContext, now: Date) {
    const token = generateSecretToken();
    const familyId = randomUUID();
    const expiresAt = new Date(now.getTime() + REFRESH_TTL_MS);
    const row = {
      id: randomUUID(),
      userId,
      familyId,
      tokenHash: hashSecretToken(token),
      expiresAt,
      sessionExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TTL_MS),
      lastUsedAt: now,
      ip: context.ip,
      userAgent: context.userAgent,
      createdAt: now,
    };
    return { row, issued: { token, familyId, expiresAt } };
  }

  async rotate(token: string, context: RequestContext, now = new Date()): Promise<RotationResult> {
    const current = await this.byToken(token);
    if (!current) return { outcome: 'invalid' };
    return this.context.runInTenant(current.tenantId, () => this.rotateInTenant(current, context, now));
  }

  private async rotateInTenant(current: RefreshToken, context: RequestContext, now: Date): Promise<RotationResult> {
    if (current.revokedAt) {
      if (!current.replacedBy) return { outcome: 'revoked' };
      if (now.getTime() - new Date(current.revokedAt).getTime() < ROTATION_GRACE_MS) return { outcome: 'raced' };
      // An already-rotated token came back: someone kept a copy. Kill the whole family.
      await this.revokeFamily(current.familyId, now);
      return { outcome: 'reused', userId: current.userId, tenantId: current.tenantId, familyId: current.familyId };
    }
    if (current.expiresAt.getTime() <= now.getTime() || current.sessionExpiresAt.getTime() <= now.getTime()) {
      return { outcome: 'expired' };
    }

    const successorId = randomUUID();
    const successorToken = generateSecretToken();
    const expiresAt = minDate(new Date(now.getTime() + REFRESH_TTL_MS), current.sessionExpiresAt);
    const won = await this.transactions.run(async () => {
      if (!(await this.tokens.claimForRotation(current.id, successorId, now))) return false;
      await this.tokens.insert({
        id: successorId,
        userId: current.userId,
        familyId: current.familyId,
        tokenHash: hashSecretToken(successorToken),
        expiresAt,
        sessionExpiresAt: current.sessionExpiresAt,
        lastUsedAt: now,
        ip: context.ip,
        userAgent: context.userAgent,
        createdAt: now,
      });
      return true;
    });
    if (!won) return { outcome: 'raced' };
    return { outcome: 'rotated', token: successorToken, familyId: current.familyId, expiresAt, userId: current.userId, tenantId: current.tenantId };
  }

  /** Ends the session a refresh token belongs to (logout). Unknown tokens are ignored. */
  async revokeByToken(token: string, now = new Date()): Promise<{ tenantId: string; userId: string } | null> {
    const row = await this.byToken(token);
    if (!row) return null;
    await this.context.runInTenant(row.tenantId, () => this.revokeFamily(row.familyId, now));
    return { tenantId: row.tenantId, userId: row.userId };
  }

  private byToken(token: string): Promise<RefreshToken | null> {
    return this.context.runAsSystem('session: refresh token by hash', () => this.tokens.byTokenHash(hashSecretToken(token)));
  }

  async revokeFamily(familyId: string, now = new Date()): Promise<void> {
    await this.revoked(this.tokens.revokeFamily(familyId, now));
  }

  /** Password change/reset, deactivation: every session of the user ends (but `keepFamilyId`). */
  async revokeAllForUser(userId: string, keepFamilyId: string | null = null, now = new Date()): Promise<void> {
    await this.revoked(this.tokens.revokeAllOfUser(userId, keepFamilyId, now));
  }

  /** Suspension or cancellation of the current tenant. */
  async revokeAllForTenant(now = new Date()): Promise<void> {
    await this.revoked(this.tokens.revokeAll(now));
  }

  /**
   * Access tokens carry their session id and die with it (PrincipalLoader): after a revocation every
   * instance forgets the sessions it knew, at once with Redis, else other instances within PRINCIPAL_CACHE_MS.
   */
  private async revoked(update: Promise<unknown>): Promise<void> {
    await update;
    this.principals.clear();
  }

  async list(userId: string, currentFamilyId: string | null, now = new Date()): Promise<SessionSummary[]> {
    const active = await this.tokens.liveOf(userId, now);
    if (active.length === 0) return [];
    const startedAt = await this.tokens.startsOf([...new Set(active.map((row) => row.familyId))]);
    return active.map((row) => ({
      id: row.familyId,
      device: deviceLabel(row.userAgent),
      ...deviceOf(row.userAgent),
      userAgent: row.userAgent,
      ip: row.ip,
      createdAt: (startedAt.get(row.familyId) ?? row.createdAt).toISOString(),
      lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
      expiresAt: row.expiresAt.toISOString(),
      current: row.familyId === currentFamilyId,
    }));
  }

  /** Signs one of the caller's own devices out; another user's session id answers 404. */
  async revokeOwn(userId: string, familyId: string, now = new Date()): Promise<void> {
    if (!(await this.tokens.hasLiveFamily(userId, familyId))) throw new NotFoundException('Session not found');
    await this.revokeFamily(familyId, now);
  }
}

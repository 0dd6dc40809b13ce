import type { SessionSummary } from '@fasto/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, In, IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { PrincipalCache } from '../../../core/auth/principal-cache';
import { generateSecretToken, hashSecretToken } from '../../../core/auth/secret-token';
import type { Statement } from '../../../core/database/one-round-trip';
import { insertRowStatement } from '../../../core/database/row-statements';
import { RefreshToken } from '../entities/refresh-token.entity';
import { deviceLabel } from '../device-label';
import type { RequestContext } from '../../../core/http/request-context';

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
 * Login sessions as refresh-token families. Only SHA-256 digests of the tokens are stored;
 * rotation is decided by one conditional UPDATE so concurrent refreshes yield one successor.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly principals: PrincipalCache,
  ) {}

  private get tokens() {
    return this.dataSource.getRepository(RefreshToken);
  }

  /** A new session (a token family). */
  async start(user: { id: string; tenantId: string }, context: RequestContext, now = new Date()): Promise<IssuedRefreshToken> {
    const { statement, issued } = this.opening(user, context, now);
    await this.dataSource.query(statement.sql, statement.params);
    return issued;
  }

  /** A new session's token and the INSERT that stores it, to send along with other writes. */
  opening(user: { id: string; tenantId: string }, context: RequestContext, now = new Date()): { statement: Statement; issued: IssuedRefreshToken } {
    const token = generateSecretToken();
    const familyId = randomUUID();
    const expiresAt = new Date(now.getTime() + REFRESH_TTL_MS);
    const statement = insertRowStatement(this.dataSource.manager, RefreshToken, {
      id: randomUUID(),
      tenantId: user.tenantId,
      userId: user.id,
      familyId,
      tokenHash: hashSecretToken(token),
      expiresAt,
      sessionExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_TTL_MS),
      lastUsedAt: now,
      ip: context.ip,
      userAgent: context.userAgent,
      createdAt: now,
    });
    return { statement, issued: { token, familyId, expiresAt } };
  }

  async rotate(token: string, context: RequestContext, now = new Date()): Promise<RotationResult> {
    const current = await this.tokens.findOneBy({ tokenHash: Equal(hashSecretToken(token)) });
    if (!current) return { outcome: 'invalid' };
    if (current.revokedAt) {
      if (!current.replacedBy) return { outcome: 'revoked' };
      if (now.getTime() - new Date(current.revokedAt).getTime() < ROTATION_GRACE_MS) return { outcome: 'raced' };
      // An already-rotated token came back: someone kept a copy. Kill the whole family.
      await this.revokeFamily(current.tenantId, current.familyId, now);
      return { outcome: 'reused', userId: current.userId, tenantId: current.tenantId, familyId: current.familyId };
    }
    if (current.expiresAt.getTime() <= now.getTime() || current.sessionExpiresAt.getTime() <= now.getTime()) {
      return { outcome: 'expired' };
    }

    const successorId = randomUUID();
    const successorToken = generateSecretToken();
    const expiresAt = minDate(new Date(now.getTime() + REFRESH_TTL_MS), current.sessionExpiresAt);
    const won = await this.dataSource.transaction(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ revokedAt: now, replacedBy: successorId, lastUsedAt: now })
        .where({ id: current.id, tenantId: current.tenantId, revokedAt: IsNull() })
        .execute();
      if (claimed.affected !== 1) return false;
      const successor = insertRowStatement(manager, RefreshToken, {
        id: successorId,
        tenantId: current.tenantId,
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
      await manager.query(successor.sql, successor.params);
      return true;
    });
    if (!won) return { outcome: 'raced' };
    return { outcome: 'rotated', token: successorToken, familyId: current.familyId, expiresAt, userId: current.userId, tenantId: current.tenantId };
  }

  /** Ends the session a refresh token belongs to (logout). Unknown tokens are ignored. */
  async revokeByToken(token: string, now = new Date()): Promise<{ tenantId: string; userId: string } | null> {
    const row = await this.tokens.findOneBy({ tokenHash: Equal(hashSecretToken(token)) });
    if (!row) return null;
    await this.revokeFamily(row.tenantId, row.familyId, now);
    return { tenantId: row.tenantId, userId: row.userId };
  }

  async revokeFamily(tenantId: string, familyId: string, now = new Date()): Promise<void> {
    await this.revoked(this.tokens.update({ tenantId, familyId, revokedAt: IsNull() }, { revokedAt: now }));
  }

  /** Password change/reset, deactivation: every session of the user ends (but `keepFamilyId`). */
  async revokeAllForUser(tenantId: string, userId: string, keepFamilyId: string | null = null, now = new Date()): Promise<void> {
    await this.revoked(
      this.tokens.update({ tenantId, userId, revokedAt: IsNull(), ...(keepFamilyId ? { familyId: Not(keepFamilyId) } : {}) }, { revokedAt: now }),
    );
  }

  /** Tenant suspension or cancellation. */
  async revokeAllForTenant(tenantId: string, now = new Date()): Promise<void> {
    await this.revoked(this.tokens.update({ tenantId, revokedAt: IsNull() }, { revokedAt: now }));
  }

  /**
   * Access tokens carry their session id and die with it (PrincipalLoader): after a revocation this
   * instance forgets the sessions it knew at once; other instances within PRINCIPAL_CACHE_MS.
   */
  private async revoked(update: Promise<unknown>): Promise<void> {
    await update;
    this.principals.clear();
  }

  async list(tenantId: string, userId: string, currentFamilyId: string | null, now = new Date()): Promise<SessionSummary[]> {
    const active = await this.tokens.find({
      where: { tenantId, userId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
      order: { lastUsedAt: 'DESC' },
    });
    if (active.length === 0) return [];
    const starts: { familyId: string; startedAt: string | Date }[] = await this.tokens
      .createQueryBuilder('t')
      .select('t.family_id', 'familyId')
      .addSelect('MIN(t.created_at)', 'startedAt')
      .where({ tenantId, familyId: In(active.map((row) => row.familyId)) })
      .groupBy('t.family_id')
      .getRawMany();
    const startedAt = new Map(starts.map((row) => [row.familyId, new Date(row.startedAt)]));
    return active.map((row) => ({
      id: row.familyId,
      device: deviceLabel(row.userAgent),
      userAgent: row.userAgent,
      ip: row.ip,
      createdAt: (startedAt.get(row.familyId) ?? row.createdAt).toISOString(),
      lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
      expiresAt: row.expiresAt.toISOString(),
      current: row.familyId === currentFamilyId,
    }));
  }

  /** Signs one of the caller's own devices out; another user's session id answers 404. */
  async revokeOwn(tenantId: string, userId: string, familyId: string, now = new Date()): Promise<void> {
    const owned = await this.tokens.existsBy({ tenantId, userId, familyId: Equal(familyId), revokedAt: IsNull() });
    if (!owned) throw new NotFoundException('Session not found');
    await this.revokeFamily(tenantId, familyId, now);
  }
}

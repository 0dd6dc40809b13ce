import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, In, IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import type { Statement } from '../../core/database/insert-statement';
import { insertRowStatement } from '../../core/database/row-statements';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { RefreshToken } from './entities/refresh-token.entity';

export type NewRefreshToken = Omit<TenantValues<RefreshToken>, 'revokedAt' | 'replacedBy' | 'impersonatorId'>;

/**
 * Login sessions (refresh-token families) of the current tenant. A refresh token presented to
 * refresh or log out is found by its hash before its tenant is known (system scope), and the
 * token-cleanup job sweeps every tenant (system scope).
 */
@Injectable()
export class SessionsRepository {
  private readonly tokens = this.tables.of(RefreshToken);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly tables: TenantTables,
  ) {}

  /** System scope: the token row with this hash, in any tenant. */
  byTokenHash(tokenHash: string): Promise<RefreshToken | null> {
    this.context.system();
    return this.manager()
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: Equal(tokenHash) });
  }

  /** The INSERT of a token of the current tenant, as a statement to send along with other writes. */
  insertStatement(values: NewRefreshToken): Statement {
    return insertRowStatement(this.dataSource.manager, RefreshToken, { ...values, tenantId: this.context.tenantId() } as Partial<RefreshToken>);
  }

  async insert(values: NewRefreshToken): Promise<void> {
    const { sql, params } = this.insertStatement(values);
    await this.manager().query(sql, params);
  }

  /** Marks a live token replaced by `successorId`; false when another request did first. */
  async claimForRotation(id: string, successorId: string, now: Date): Promise<boolean> {
    const result = await this.manager()
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: now, replacedBy: successorId, lastUsedAt: now })
      .where({ id: Equal(id), tenantId: Equal(this.context.tenantId()), revokedAt: IsNull() })
      .execute();
    return result.affected === 1;
  }

  revokeFamily(familyId: string, now: Date): Promise<void> {
    return this.tokens.update({ familyId: Equal(familyId), revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Every live session of the user but `keepFamilyId`. */
  revokeAllOfUser(userId: string, keepFamilyId: string | null, now: Date): Promise<void> {
    return this.tokens.update(
      { userId: Equal(userId), revokedAt: IsNull(), ...(keepFamilyId ? { familyId: Not(Equal(keepFamilyId)) } : {}) },
      { revokedAt: now },
    );
  }

  /** Every live session of the tenant. */
  revokeAll(now: Date): Promise<void> {
    return this.tokens.update({ revokedAt: IsNull() }, { revokedAt: now });
  }

  /** The user's unrevoked, unexpired tokens, most recently used first. */
  liveOf(userId: string, now: Date): Promise<RefreshToken[]> {
    return this.tokens.find({ userId: Equal(userId), revokedAt: IsNull(), expiresAt: MoreThan(now) }, { lastUsedAt: 'DESC' });
  }

  /** When each family began (its first token). */
  async startsOf(familyIds: string[]): Promise<Map<string, Date>> {
    if (familyIds.length === 0) return new Map();
    const starts = await this.tokens
      .queryBuilder('t')
      .select('t.familyId', 'familyId')
      .addSelect('MIN(t.createdAt)', 'startedAt')
      .andWhere({ familyId: In(familyIds) })
      .groupBy('t.familyId')
      .getRawMany<{ familyId: string; startedAt: string | Date }>();
    return new Map(starts.map((row) => [row.familyId, new Date(row.startedAt)]));
  }

  hasLiveFamily(userId: string, familyId: string): Promise<boolean> {
    return this.tokens.exists({ userId: Equal(userId), familyId: Equal(familyId), revokedAt: IsNull() });
  }

  /**
   * System scope, for the cleanup job: up to `limit` families, in any tenant, with no usable token
   * left (every row expired, past the session cap, or revoked before `revokedBefore`).
   */
  async deadFamilies(now: Date, revokedBefore: Date, limit: number): Promise<string[]> {
    this.context.system();
    const families = await this.manager()
      .createQueryBuilder()
      .select('t.family_id', 'familyId')
      .from('refresh_tokens', 't')
      .groupBy('t.family_id')
      .having(
        'SUM(CASE WHEN t.expires_at <= :now OR t.session_expires_at <= :now OR (t.revoked_at IS NOT NULL AND t.revoked_at <= :revokedBefore) THEN 0 ELSE 1 END) = 0',
        { now, revokedBefore },
      )
      .limit(limit)
      .getRawMany<{ familyId: string }>();
    return families.map((row) => row.familyId);
  }

  /** System scope, for the cleanup job: deletes these families; the number of rows deleted. */
  async deleteFamilies(familyIds: string[]): Promise<number> {
    this.context.system();
    if (familyIds.length === 0) return 0;
    const result = await this.manager().createQueryBuilder().delete().from('refresh_tokens').where('family_id IN (:...ids)', { ids: familyIds }).execute();
    return result.affected ?? 0;
  }

  private manager() {
    return activeManager(this.dataSource);
  }
}

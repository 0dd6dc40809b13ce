import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, IsNull, MoreThan, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { ActionToken, type ActionTokenPurpose } from './entities/action-token.entity';

/**
 * The emailed links (invitations, password resets) of the current tenant. A link that comes back
 * is found by its hash before its tenant is known (system scope); the cleanup job sweeps every tenant.
 */
@Injectable()
export class ActionTokensRepository {
  private readonly tokens = this.tables.of(ActionToken);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: TenantContext,
    private readonly tables: TenantTables,
  ) {}

  /** Marks the user's unused links of this kind used (a new link supersedes them). */
  supersede(userId: string, purpose: ActionTokenPurpose, now: Date): Promise<void> {
    return this.tokens.update({ userId: Equal(userId), purpose: Equal(purpose), usedAt: IsNull() }, { usedAt: now });
  }

  insert(values: Omit<TenantValues<ActionToken>, 'usedAt'>): Promise<void> {
    return this.tokens.insert(values);
  }

  /** Marks the link used; false when another request used it first. */
  async consume(id: string, now: Date): Promise<boolean> {
    const result = await activeManager(this.dataSource)
      .getRepository(ActionToken)
      .update({ id: Equal(id), tenantId: Equal(this.context.tenantId()), usedAt: IsNull() }, { usedAt: now });
    return result.affected === 1;
  }

  /** System scope: the unused, unexpired link with this hash, in any tenant. */
  usableByHash(tokenHash: string, purpose: ActionTokenPurpose, now: Date): Promise<ActionToken | null> {
    this.context.system();
    return this.table().findOneBy({ tokenHash: Equal(tokenHash), purpose: Equal(purpose), usedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /** System scope: the link with this hash whatever its state, in any tenant. */
  anyByHash(tokenHash: string, purpose: ActionTokenPurpose): Promise<ActionToken | null> {
    this.context.system();
    return this.table().findOneBy({ tokenHash: Equal(tokenHash), purpose: Equal(purpose) });
  }

  /** System scope, for the cleanup job: deletes used or expired links of every tenant; how many. */
  async deleteSpent(now: Date): Promise<number> {
    this.context.system();
    const result = await activeManager(this.dataSource)
      .createQueryBuilder()
      .delete()
      .from('action_tokens')
      .where('used_at IS NOT NULL OR expires_at <= :now', { now })
      .execute();
    return result.affected ?? 0;
  }

  private table() {
    return activeManager(this.dataSource).getRepository(ActionToken);
  }
}

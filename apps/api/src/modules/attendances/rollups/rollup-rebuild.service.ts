import { Injectable, Logger } from '@nestjs/common';
import { Transactions } from '../../../core/database/transactions';
import { RollupDelta } from './rollup-delta';
import { RollupsRepository } from './rollups.repository';

export { factsFor, factsOf } from './attendance-facts';

const BATCH = 5000;

/**
 * Recomputes the current tenant's rollups from its attendances: after a time zone change, or by
 * hand (`npm run rollups:rebuild`). Days are computed in JavaScript: MariaDB often lacks time zone
 * tables and SQLite has none.
 */
@Injectable()
export class RollupRebuildService {
  private readonly logger = new Logger(RollupRebuildService.name);

  constructor(
    private readonly rollups: RollupsRepository,
    private readonly transactions: Transactions,
  ) {}

  async rebuild(): Promise<number> {
    const timeZone = await this.rollups.timeZone();
    const delta = new RollupDelta();
    let counted = 0;
    for (let after: { attendedAt: Date; id: string } | null = null; ; ) {
      const page = await this.rollups.factsPage(after, BATCH);
      for (const facts of page.facts) delta.add(facts, 1, timeZone);
      counted += page.facts.length;
      if (page.facts.length < BATCH) break;
      after = page.last;
    }
    await this.transactions.run(async () => {
      await this.rollups.deleteAll();
      await this.rollups.apply(delta);
    });
    this.logger.log({ attendances: counted }, 'Rollups rebuilt');
    return counted;
  }
}

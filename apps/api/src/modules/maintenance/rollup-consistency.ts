import { Injectable } from '@nestjs/common';
import { dayInZone } from '../../core/time/tenant-days';
import { RollupDelta } from '../attendances/rollups/rollup-delta';
import { ROLLUP_TABLE_NAMES } from '../attendances/rollups/rollup-definition';
import { comparable, RollupsRepository } from '../attendances/rollups/rollups.repository';

const DAY_MS = 86_400_000;

/**
 * Compares the current tenant's daily rollups of its recent days with a raw recount of its
 * attendances (the same arithmetic the rollup writer uses), and names the days that differ.
 */
@Injectable()
export class RollupConsistency {
  constructor(private readonly rollups: RollupsRepository) {}

  async differingDays(now: Date, days: number): Promise<string[]> {
    const timeZone = await this.rollups.timeZone();
    const firstDay = dayInZone(new Date(now.getTime() - days * DAY_MS), timeZone);
    // Read from two days earlier: every attendance of `firstDay` in the tenant's zone is included.
    const delta = new RollupDelta();
    for (const facts of await this.rollups.factsSince(new Date(now.getTime() - (days + 2) * DAY_MS))) delta.add(facts, 1, timeZone);
    const recount = delta.rows();

    const differing = new Set<string>();
    for (const table of ROLLUP_TABLE_NAMES) {
      const stored = new Set(await this.rollups.storedDailyRows(table, firstDay));
      const expected = new Set(recount[table].filter((row) => row.grain === 'D' && row.period >= firstDay).flatMap((row) => comparable(table, row) ?? []));
      // The period is the third key of every comparable row (rollup-definition.ts, KEY_PROPERTIES).
      for (const text of stored) if (!expected.has(text)) differing.add(JSON.parse(text)[2]);
      for (const text of expected) if (!stored.has(text)) differing.add(JSON.parse(text)[2]);
    }
    return [...differing].sort();
  }
}

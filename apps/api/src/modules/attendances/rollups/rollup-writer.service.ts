import { Injectable } from '@nestjs/common';
import type { Statement } from '../../../core/database/insert-statement';
import { RollupDelta, type AttendanceFacts } from './rollup-delta';
import { RollupsRepository } from './rollups.repository';

/** Moves the rollups with the attendance writes, inside the caller's transaction (Transactions.run). */
@Injectable()
export class RollupWriter {
  constructor(private readonly repository: RollupsRepository) {}

  /**
   * One attendance changed from `before` to `after` (either may be null: insert / delete).
   * `precededBy` (the write itself) is sent ahead of the upserts, in the same round trip.
   */
  async record(before: AttendanceFacts | null, after: AttendanceFacts | null, timeZone: string, precededBy: Statement[] = []): Promise<void> {
    const delta = new RollupDelta();
    if (before) delta.add(before, -1, timeZone);
    if (after) delta.add(after, 1, timeZone);
    await this.repository.apply(delta, precededBy);
  }

  /** Many attendances' changes at once (a batch, a seed). */
  apply(delta: RollupDelta, precededBy: Statement[] = []): Promise<void> {
    return this.repository.apply(delta, precededBy);
  }
}

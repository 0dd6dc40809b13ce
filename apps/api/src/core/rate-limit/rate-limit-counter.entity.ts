import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window counter (login failures per account or IP, per-key request budgets…).
 * Kept in the database so that every API instance sees the same counts.
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  bucket!: string;

  /** Epoch milliseconds: compared numerically on both engines. */
  @Column({ type: 'bigint' })
  windowStartedAtMs!: number;

  @Column({ type: 'int' })
  hits!: number;
}

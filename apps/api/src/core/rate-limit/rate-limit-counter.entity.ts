import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One token bucket (login failures per account or IP, per-key request budgets…), kept in the
 * database so that every API instance sees the same budget.
 */
@Entity('rate_limit_counters')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  bucket!: string;

  /** Epoch milliseconds when every token is back: compared numerically on both engines. */
  @Column({ type: 'bigint', default: 0 })
  refilledAtMs!: number;

  /** Whether the last event took a token (the take's own answer, read back by its upsert). */
  @Column({ type: 'boolean', default: false })
  granted!: boolean;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { TenantOwnedEntity } from '../../../src/core/database/base.entity';
import { ENTITIES } from '../../../src/entities';
import { currentScope, type DataScope } from '../../../src/core/tenancy/tenant-scope';
import { factsOf, originOf, type StatementFacts } from './tenant-sql-rules';
import { transactionOpeners } from './tenant-sql-transactions';

/** Source files whose unscoped statements are reported, not failed: modules still being ported. */
export const ALLOW_LIST_FILE = join(__dirname, '../../../src/architecture/tenant-sql-allow-list.txt');

export interface Violation {
  file: string;
  tables: string[];
  sql: string;
  allowListed: boolean;
  /** The stack, when it names no source file (to find where the statement came from). */
  stack?: string;
}

/**
 * Tenant-owned tables, from the entity metadata: every entity that extends TenantOwnedEntity or
 * maps a `tenantId` column (the rollups key theirs by it without the base class).
 */
export function tenantOwnedTables(): Set<string> {
  const storage = getMetadataArgsStorage();
  const tenantColumnOwners = storage.columns.filter((column) => column.propertyName === 'tenantId').map((column) => column.target);
  const owned = ENTITIES.filter(
    (entity) =>
      entity.prototype instanceof TenantOwnedEntity ||
      tenantColumnOwners.some((owner) => typeof owner === 'function' && (entity === owner || entity.prototype instanceof owner)),
  );
  return new Set(
    owned.map((entity) => {
      const name = storage.tables.find((table) => table.target === entity)?.name;
      if (!name) throw new Error(`tenant SQL checker: ${entity.name} has no explicit table name`);
      return name.toLowerCase();
    }),
  );
}

export function readAllowList(file = ALLOW_LIST_FILE): Set<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

/** A statement whose stack reaches no file under apps/api (e.g. a callback of a timer). */
export const UNKNOWN_ORIGIN = '<unknown origin>';

/**
 * A statement's verdict: null when it may run. `stacks`: the statement's own, then those of the
 * calls that opened its transactions (innermost first); the first that names an origin decides.
 */
export function verdict(facts: StatementFacts, scope: DataScope | null, stacks: () => string[], allowList: ReadonlySet<string>, sql: string): Violation | null {
  if (facts.unscopedTables.length === 0 || scope?.kind === 'system') return null;
  const traces = stacks();
  const from = traces.map(originOf).find((origin) => origin.kind !== 'unknown') ?? { kind: 'unknown' as const };
  if (from.kind === 'fixture') return null;
  const file = from.kind === 'source' ? from.file : UNKNOWN_ORIGIN;
  const violation: Violation = { file, tables: facts.unscopedTables, sql: sql.length > 300 ? `${sql.slice(0, 300)}…` : sql, allowListed: allowList.has(file) };
  if (from.kind === 'unknown') violation.stack = traces[0].split('\n').slice(1, 16).join('\n');
  return violation;
}

/** The stack of the running code, deep enough to reach the app frame under the driver and TypeORM. */
function callStack(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, callStack);
  Error.stackTraceLimit = limit;
  return holder.stack ?? '';
}

/**
 * Sees every statement the drivers are given (see tenant-sql-drivers.ts) and keeps the ones that
 * touch a tenant-owned table with no bound tenant, outside the system scope and outside test
 * fixtures. The facts of each SQL text are cached; the scope and the stack are read per statement
 * (the stack only for a statement that lacks its tenant).
 */
export class TenantSqlChecker {
  private readonly facts = new Map<string, StatementFacts>();
  private tables: Set<string> | null = null;
  private allowList: Set<string> | null = null;
  /** Violations not yet turned into a test failure. */
  private pending: Violation[] = [];
  /** Every violation of the suite, allow-listed or not, for the report. */
  readonly seen: Violation[] = [];

  check(sql: unknown): void {
    if (typeof sql !== 'string') return;
    const violation = verdict(this.factsOf(sql), currentScope(), () => [callStack(), ...transactionOpeners()], this.allowed(), sql);
    if (!violation) return;
    this.seen.push(violation);
    if (!violation.allowListed) this.pending.push(violation);
  }

  /** The violations that must fail the running test, forgotten once taken. */
  takeFailures(): Violation[] {
    const failures = this.pending;
    this.pending = [];
    return failures;
  }

  private factsOf(sql: string): StatementFacts {
    let facts = this.facts.get(sql);
    if (!facts) {
      this.tables ??= tenantOwnedTables();
      facts = factsOf(sql, this.tables);
      // Batch inserts vary their text with the row count: keep the cache bounded.
      if (this.facts.size > 5000) this.facts.clear();
      this.facts.set(sql, facts);
    }
    return facts;
  }

  private allowed(): Set<string> {
    return (this.allowList ??= readAllowList());
  }
}

export function describeViolations(violations: Violation[]): string {
  return violations.map((violation) => `  ${violation.file}: ${violation.tables.join(', ')} — ${violation.sql}${violation.stack ? `\n${violation.stack}` : ''}`).join('\n');
}

/**
 * The rules of the tenant SQL checker, as pure functions of a statement's text, its scope and its
 * call stack (no driver, no Nest): what a statement touches, whether it carries a bound tenant,
 * and which source file sent it. Each answer depends only on those inputs, so a verdict never
 * changes with what ran before (a cache hit, a timer).
 */

/** What the checker needs to know about one SQL text (cached per text). */
export interface StatementFacts {
  /** Tenant-owned tables the text reads or writes without a bound tenant, in order of appearance. */
  unscopedTables: string[];
}

/** Statements that name no table data: transactions, locks, schema changes, session settings. */
const NOT_DATA = /^(?:BEGIN|START|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|PRAGMA|CREATE|ALTER|DROP|TRUNCATE|RENAME|LOCK|UNLOCK|ANALYZE|VACUUM|OPTIMIZE|EXPLAIN|DO|USE|FLUSH|KILL)\b/i;
const TABLE_REFERENCE = /\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:[`"]?\w+[`"]?\.)?[`"]?(\w+)[`"]?/gi;
/** `tenant_id = ?`, `t.tenant_id IN (?, …)`, `? = tenant_id`, quoted or not. */
const BOUND_TENANT = /\btenant_id[`"]?\s*(?:=|IN\s*\()\s*\?|\?\s*=\s*(?:[`"]?\w+[`"]?\.)?[`"]?tenant_id\b/gi;
const PREDICATE_START = /\b(?:WHERE|ON)\b/i;
const INSERT_COLUMNS = /^\s*(?:INSERT|REPLACE)\s+(?:IGNORE\s+|OR\s+\w+\s+)?INTO\s+[`"]?\w+[`"]?\s*\(([^)]*)\)\s*VALUES\s*\(/i;

/** The text with string literals emptied (their content can hold anything, even `;` or `tenant_id`). */
const withoutLiterals = (sql: string) => sql.replace(/'(?:[^'\\]|''|\\.)*'/g, "''");

/** One text may carry several statements (one round trip on MySQL). */
export const statementsOf = (sql: string): string[] =>
  withoutLiterals(sql)
    .split(';')
    .map((statement) => statement.replace(/^[\s(]+/, ''))
    .filter(Boolean);

/** Splits `a, f(b, c), d` at its top-level commas. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) return [...items, text.slice(start, index).trim()];
      depth--;
    } else if (char === ',' && depth === 0) {
      items.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  return [...items, text.slice(start).trim()];
}

/** An INSERT … (columns) VALUES (…) whose `tenant_id` value is a bound parameter. */
function insertsBoundTenant(statement: string): boolean {
  const match = INSERT_COLUMNS.exec(statement);
  if (!match) return false;
  const columns = match[1].split(',').map((column) => column.trim().replace(/[`"]/g, '').toLowerCase());
  const position = columns.indexOf('tenant_id');
  if (position < 0) return false;
  return topLevelItems(statement.slice(match.index + match[0].length))[position] === '?';
}

/** A `tenant_id` bound to a parameter in a WHERE or ON predicate (not in an UPDATE's SET). */
function filtersBoundTenant(statement: string): boolean {
  const predicates = PREDICATE_START.exec(statement);
  if (!predicates) return false;
  for (const match of statement.matchAll(BOUND_TENANT)) if ((match.index ?? 0) > predicates.index) return true;
  return false;
}

/** The facts of one SQL text, given the tenant-owned tables (lower case). */
export function factsOf(sql: string, tenantTables: ReadonlySet<string>): StatementFacts {
  const unscopedTables: string[] = [];
  for (const statement of statementsOf(sql)) {
    if (NOT_DATA.test(statement)) continue;
    const touched = [...statement.matchAll(TABLE_REFERENCE)].map((match) => match[1].toLowerCase()).filter((table) => tenantTables.has(table));
    if (touched.length === 0) continue;
    if (insertsBoundTenant(statement) || filtersBoundTenant(statement)) continue;
    for (const table of touched) if (!unscopedTables.includes(table)) unscopedTables.push(table);
  }
  return { unscopedTables };
}

/** Where a statement came from, read from its call stack. */
export type Origin =
  /** A test's own fixture statement, or a migration: never checked. */
  | { kind: 'fixture'; file: string }
  /** The first source file under apps/api/src that is not the data layer itself. */
  | { kind: 'source'; file: string }
  | { kind: 'unknown' };

const FRAME_FILE = /\(?((?:\/|[A-Za-z]:\\)[^():]+\.[cm]?[jt]s):\d+:\d+\)?$/;
/** The data layer, its paging helper and the checker: a statement passes through them, it does not originate there. */
const PASS_THROUGH = [/\/src\/core\/database\/(?!migrations\/)/, /\/src\/core\/tenancy\//, /\/src\/core\/pagination\//, /\/test\/support\/tenant-sql\//];

/** The origin of a statement whose stack is `stack` (an Error's `stack` text). */
export function originOf(stack: string): Origin {
  for (const line of stack.split('\n')) {
    const file = FRAME_FILE.exec(line.trim())?.[1]?.split('\\').join('/');
    if (!file || file.includes('/node_modules/') || !file.includes('/apps/api/')) continue;
    if (PASS_THROUGH.some((pattern) => pattern.test(file))) continue;
    const inApi = file.slice(file.lastIndexOf('/apps/api/') + '/apps/api/'.length);
    if (inApi.startsWith('test/') || inApi.startsWith('src/core/database/migrations/')) return { kind: 'fixture', file: inApi };
    if (inApi.startsWith('src/')) return { kind: 'source', file: inApi.slice('src/'.length) };
  }
  return { kind: 'unknown' };
}

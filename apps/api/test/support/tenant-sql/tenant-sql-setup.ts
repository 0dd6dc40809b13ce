import { appendFileSync } from 'node:fs';
import { describeViolations, TenantSqlChecker } from './tenant-sql-checker';
import { watchDrivers } from './tenant-sql-drivers';
import { rememberTransactionOpeners } from './tenant-sql-transactions';

/**
 * Jest setup (setupFilesAfterEnv) of the API suites: every statement that reaches a driver passes
 * the tenant SQL checker (docs/architecture.md, "The tenant SQL checker"). A test fails when one
 * of its statements touches a tenant-owned table without a bound tenant, unless it runs in the
 * system scope, is the test's own fixture, or comes from a file of tenant-sql-allow-list.txt.
 *
 * TENANT_SQL_REPORT=1 prints every violation of the suite (allow-listed ones too) when it ends;
 * TENANT_SQL_REPORT=<file> appends them to that file as `file<TAB>tables<TAB>sql` lines.
 */
/** The suite's checker (its own test takes violations from it to look at them). */
export const checker = new TenantSqlChecker();
watchDrivers((sql) => checker.check(sql));
rememberTransactionOpeners();

function failOnViolations(): void {
  const failures = checker.takeFailures();
  if (failures.length === 0) return;
  throw new Error(
    `tenant SQL checker: ${failures.length} statement(s) on a tenant-owned table without a bound tenant_id, outside the system scope:\n${describeViolations(failures)}`,
  );
}

afterEach(failOnViolations);

afterAll(() => {
  const report = process.env['TENANT_SQL_REPORT'];
  if (report && checker.seen.length > 0) {
    if (report === '1') {
      const files = [...new Set(checker.seen.map((violation) => violation.file))].sort();
      process.stderr.write(`tenant SQL report (${expect.getState().testPath}):\n${files.map((file) => `  ${file}`).join('\n')}\n${describeViolations(checker.seen)}\n`);
    } else {
      appendFileSync(report, checker.seen.map((violation) => `${violation.file}\t${violation.tables.join(',')}\t${violation.sql.replace(/\s+/g, ' ')}\n`).join(''));
    }
  }
  failOnViolations();
});

import type { DataSource } from 'typeorm';
import type { Statement } from './insert-statement';
import { inOneRoundTrip } from './transactions';

// Kept for the modules not yet moved to repositories (rate limit, sign-in, audit): the helpers now
// live in transactions.ts and insert-statement.ts. Delete this file once nothing imports it.
export { commaList, type Statement } from './insert-statement';
export { inOneRoundTrip, STATEMENT_SEPARATOR } from './transactions';

/** Statements run in order as one TypeORM transaction (its BEGIN/COMMIT, subscribers and after-commit hooks included). */
export function inOneTransaction<Results extends unknown[]>(dataSource: DataSource, statements: Statement[]): Promise<Results> {
  return dataSource.transaction((manager) => inOneRoundTrip<Results>(manager, statements));
}

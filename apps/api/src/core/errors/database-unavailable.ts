import { ACQUIRE_TIMEOUT_CODE, STATEMENT_TIMEOUT_CODE } from '../database/bounded-statements';

/** Driver error codes that mean "the database cannot be reached right now", not "bad query". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  // Bounded statements (core/database/bounded-statements.ts): the client gave up on a frozen
  // server, waited too long for a pooled connection, or the server cancelled the statement itself.
  STATEMENT_TIMEOUT_CODE,
  ACQUIRE_TIMEOUT_CODE,
  'ER_QUERY_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

/** MariaDB's ER_STATEMENT_TIMEOUT (max_statement_time), which mysql2 has no code name for. */
const STATEMENT_TIMEOUT_ERRNO = 1969;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // TypeORM wraps driver errors (QueryFailedError.driverError); look a couple of levels down.
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth++) {
    const { code, errno, name, message } = current as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (errno === STATEMENT_TIMEOUT_ERRNO) return true;
    if (name === 'ConnectionIsNotSetError' || name === 'CannotExecuteNotConnectedError') return true;
    if (typeof message === 'string' && /Pool is closed|connection is not open|The database connection is not open|Connection is not established/i.test(message))
      return true;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

import { createConnection, type Connection, type ConnectionOptions } from 'mysql2';

export interface MysqlTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** The parts of DATABASE_URL the dump tools and our own connections need. */
export function mysqlTarget(databaseUrl: string): MysqlTarget {
  const url = new URL(databaseUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  };
}

/**
 * A dedicated connection for dumping or restoring: values come back as the exact text the
 * server has (dates, decimals, big integers), so they are written back unchanged.
 */
export function openMysql(target: MysqlTarget, extra: ConnectionOptions = {}): Connection {
  return createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    ...extra,
  });
}

export const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

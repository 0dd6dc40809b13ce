import { createConnection, type Connection, type ConnectionOptions, type TypeCast } from 'mysql2';

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
    typeCast: exactFloats,
    ...extra,
  });
}

/**
 * mysql2 parses DOUBLE text lossily (95.99999999999999 comes back as 96): keep the server's text,
 * written back as a DOUBLE literal (with an exponent, so the server does not read it as DECIMAL).
 */
const exactFloats: TypeCast = (field, next) => {
  if (field.type !== 'DOUBLE' && field.type !== 'FLOAT') return next();
  const text = field.string();
  return text === null ? null : { toSqlString: () => (/e/i.test(text) ? text : `${text}e0`) };
};

export const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppConfig } from '../../core/config/app-config';
import { sqliteFile } from '../../core/database/data-source-options';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { backupName, parseBackupName, type BackupKind } from './backup-files';
import { pruneBackups } from './backup-retention';
import { writeGzipped } from './gzip-file';
import { mysqlTarget, openMysql } from './mysql-connection';
import { dumpMysql } from './mysql-dump';
import { findDumpTool, runDumpTool } from './mysql-dump-tool';
import { mysqlTablesWithRows, restoreMysql } from './mysql-restore';
import { backupSqlite, restoreSqlite, sqliteTablesWithRows } from './sqlite-backup';

export interface BackupResult {
  path: string;
  bytes: number;
  /** How the dump was made: the online backup API, an external dump tool, or our own dumper. */
  method: 'sqlite-backup-api' | 'mariadb-dump' | 'mysqldump' | 'builtin';
  /** Why the installed dump tool was not used (it failed, e.g. MySQL 8's mysqldump against MariaDB). */
  fallbackReason?: string;
}

export interface BackupOptions {
  /** `builtin` skips mysqldump/mariadb-dump even when installed (tests cover both paths). */
  mysqlDumper?: 'auto' | 'builtin';
}

/** Refusing to restore over data: a 409-like condition for the command line. */
export class RestoreRefusedError extends Error {}

/**
 * Backups of whichever database the config names (SQLite file or MySQL/MariaDB), into
 * BACKUP_DIR with UTC-stamped names, plus retention and restore. Shared by the scheduled job
 * and the `backup`/`restore` commands.
 */
export class BackupService {
  constructor(
    private readonly config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'backupDir' | 'backupRetentionHours'>,
    private readonly options: BackupOptions = {},
  ) {}

  /** A dump reads, and a restore writes, every tenant's rows: whole-database work, so it runs in the named system scope. */
  private readonly tenancy = new TenantContext();

  get kind(): BackupKind {
    return this.config.databaseUrl ? 'sql' : 'sqlite';
  }

  backup(now = new Date()): Promise<BackupResult> {
    return this.tenancy.runAsSystem('backup: dump every tenant', () => this.dump(now));
  }

  private async dump(now: Date): Promise<BackupResult> {
    mkdirSync(this.config.backupDir, { recursive: true });
    let attempt = 0;
    let path = join(this.config.backupDir, backupName(now, this.kind));
    while (existsSync(path)) path = join(this.config.backupDir, backupName(now, this.kind, ++attempt));
    const { method, fallbackReason } = await this.write(path, now);
    return { path, bytes: statSync(path).size, method, ...(fallbackReason ? { fallbackReason } : {}) };
  }

  /** Removes backups older than the retention period (never the newest); returns their names. */
  prune(now = new Date()): string[] {
    return pruneBackups(this.config.backupDir, now, this.config.backupRetentionHours * 3_600_000);
  }

  /** The tables holding data in the configured database; a restore refuses to overwrite them without `force`. */
  tablesWithRows(): Promise<string[]> {
    return this.tenancy.runAsSystem('backup: look for rows in every table', () => this.occupiedTables());
  }

  private async occupiedTables(): Promise<string[]> {
    if (!this.config.databaseUrl) return sqliteTablesWithRows(sqliteFile(this.config));
    const connection = openMysql(mysqlTarget(this.config.databaseUrl)).promise();
    try {
      return await mysqlTablesWithRows(connection);
    } finally {
      await connection.end();
    }
  }

  restore(file: string, options: { force?: boolean } = {}): Promise<void> {
    return this.tenancy.runAsSystem('backup: restore every tenant', () => this.replaceWith(file, options));
  }

  private async replaceWith(file: string, options: { force?: boolean }): Promise<void> {
    if (!existsSync(file)) throw new RestoreRefusedError(`No such backup file: ${file}`);
    const parsed = parseBackupName(basename(file));
    const kind: BackupKind | null = parsed?.kind ?? (file.endsWith('.sqlite.gz') ? 'sqlite' : file.endsWith('.sql.gz') ? 'sql' : null);
    if (kind !== this.kind) {
      throw new RestoreRefusedError(
        `${basename(file)} is not a ${this.kind === 'sql' ? 'MySQL (.sql.gz)' : 'SQLite (.sqlite.gz)'} backup, which this database needs`,
      );
    }
    const occupied = await this.tablesWithRows();
    if (occupied.length && !options.force) {
      throw new RestoreRefusedError(
        `The database is not empty (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''} hold rows): add --force to overwrite it`,
      );
    }
    if (!this.config.databaseUrl) return restoreSqlite(file, sqliteFile(this.config));
    const connection = openMysql(mysqlTarget(this.config.databaseUrl), { multipleStatements: false }).promise();
    try {
      await restoreMysql(connection, file);
    } finally {
      await connection.end();
    }
  }

  private async write(path: string, now: Date): Promise<Pick<BackupResult, 'method' | 'fallbackReason'>> {
    if (!this.config.databaseUrl) {
      await backupSqlite(sqliteFile(this.config), path);
      return { method: 'sqlite-backup-api' };
    }
    const target = mysqlTarget(this.config.databaseUrl);
    const tool = this.options.mysqlDumper === 'builtin' ? null : findDumpTool();
    let fallbackReason: string | undefined;
    if (tool) {
      try {
        await writeGzipped(runDumpTool(tool, target), path);
        return { method: basename(tool) === 'mysqldump' ? 'mysqldump' : 'mariadb-dump' };
      } catch (error) {
        // A client that does not match the server (options, versions) must not cost the backup.
        fallbackReason = error instanceof Error ? error.message.slice(0, 300) : String(error);
      }
    }
    const connection = openMysql(target);
    try {
      await writeGzipped(dumpMysql(connection, `${target.database} at ${now.toISOString()}`), path);
    } finally {
      await connection.promise().end();
    }
    return { method: 'builtin', fallbackReason };
  }
}

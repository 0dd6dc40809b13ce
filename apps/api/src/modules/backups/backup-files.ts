import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export type BackupKind = 'sqlite' | 'sql';

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  /** When the backup was taken, from its name (file times change when files are copied around). */
  takenAt: Date;
}

const NAME = /^fasto-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(?:-\d+)?\.(sqlite|sql)\.gz$/;

/** `fasto-2026-11-22T02-55-00Z.sqlite.gz` / `.sql.gz`: UTC, sortable, safe on every file system. */
export function backupName(takenAt: Date, kind: BackupKind, attempt = 0): string {
  const stamp = takenAt.toISOString().slice(0, 19).replace(/:/g, '-');
  return `fasto-${stamp}Z${attempt ? `-${attempt}` : ''}.${kind}.gz`;
}

export function parseBackupName(name: string): { kind: BackupKind; takenAt: Date } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, kind] = match;
  return { kind: kind as BackupKind, takenAt: new Date(`${day}T${hours}:${minutes}:${seconds}Z`) };
}

/** The finished backups in a folder (partial files and anything else are ignored), oldest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((entry): entry is { name: string; parsed: { kind: BackupKind; takenAt: Date } } => entry.parsed !== null)
    .map(({ name, parsed }) => ({ name, path: join(dir, name), ...parsed }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime() || a.name.localeCompare(b.name));
}

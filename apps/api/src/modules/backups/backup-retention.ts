import { unlinkSync } from 'node:fs';
import { listBackups, type BackupFile } from './backup-files';

/**
 * Which backups retention removes: those at least `retentionMs` old, except that the newest
 * backup is always kept, so a stalled schedule never leaves the folder empty.
 */
export function prunable(backups: BackupFile[], now: Date, retentionMs: number): BackupFile[] {
  if (backups.length === 0) return [];
  const newest = backups.reduce((a, b) => (b.takenAt.getTime() > a.takenAt.getTime() ? b : a));
  return backups.filter((backup) => backup !== newest && now.getTime() - backup.takenAt.getTime() >= retentionMs);
}

/** Deletes what retention allows; returns the names removed. */
export function pruneBackups(dir: string, now: Date, retentionMs: number): string[] {
  const doomed = prunable(listBackups(dir), now, retentionMs);
  for (const backup of doomed) unlinkSync(backup.path);
  return doomed.map((backup) => backup.name);
}

import { backupName, parseBackupName, type BackupFile } from './backup-files';
import { prunable } from './backup-retention';

const HOUR = 3_600_000;
const RETENTION = 72 * HOUR;
const now = new Date('2026-11-22T02:55:00.000Z');

function backupAged(ageMs: number): BackupFile {
  const takenAt = new Date(now.getTime() - ageMs);
  const name = backupName(takenAt, 'sql');
  return { name, path: `/backups/${name}`, kind: 'sql', takenAt };
}

describe('backup retention', () => {
  it('keeps what is younger than 72 hours and prunes 72 hours and older', () => {
    const kept = [backupAged(0), backupAged(24 * HOUR), backupAged(71 * HOUR + 59 * 60_000)];
    const pruned = [backupAged(72 * HOUR), backupAged(96 * HOUR)];
    expect(prunable([...pruned, ...kept], now, RETENTION)).toEqual(pruned);
  });

  it('never prunes the newest backup, however old', () => {
    const old = [backupAged(200 * HOUR), backupAged(100 * HOUR)];
    expect(prunable(old, now, RETENTION)).toEqual([old[0]]);
    expect(prunable([old[1]], now, RETENTION)).toEqual([]);
    expect(prunable([], now, RETENTION)).toEqual([]);
  });

  it('names backups with sortable UTC stamps and reads the time back from the name', () => {
    expect(backupName(now, 'sqlite')).toBe('fasto-2026-11-22T02-55-00Z.sqlite.gz');
    expect(parseBackupName('fasto-2026-11-22T02-55-00Z.sql.gz')).toEqual({ kind: 'sql', takenAt: now });
    expect(parseBackupName('fasto-2026-11-22T02-55-00Z-1.sqlite.gz')).toEqual({ kind: 'sqlite', takenAt: now });
    for (const other of ['fasto-2026-11-22T02-55-00Z.sql.gz.partial', 'notes.txt', 'fasto-latest.sql.gz']) expect(parseBackupName(other)).toBeNull();
  });
});

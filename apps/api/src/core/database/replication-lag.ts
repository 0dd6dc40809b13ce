import type { DataSource } from 'typeorm';

type StatusRow = Record<string, unknown>;

/**
 * How many seconds this replica is behind its primary, as the server itself says
 * (`Seconds_Behind_Master`, `Seconds_Behind_Source` on MySQL 8.0.22+). Throws when it is no
 * replica or its replication is stopped (the server reports NULL): its data stops getting fresher.
 * The database user needs REPLICATION CLIENT (MariaDB 10.5.9+: REPLICA MONITOR) besides SELECT.
 */
export async function replicationLag(dataSource: DataSource): Promise<number> {
  const rows = await replicaStatus(dataSource);
  if (rows.length === 0) throw new Error('not a replica (SHOW REPLICA STATUS is empty)');
  return lagOf(rows[0]);
}

/** Exported for its unit test: the lag in a status row, or why there is none. */
export function lagOf(row: StatusRow): number {
  const lag = row['Seconds_Behind_Master'] ?? row['Seconds_Behind_Source'];
  if (lag === null || lag === undefined) {
    const io = row['Slave_IO_Running'] ?? row['Replica_IO_Running'];
    const sql = row['Slave_SQL_Running'] ?? row['Replica_SQL_Running'];
    throw new Error(`replication stopped (IO thread ${String(io ?? '?')}, SQL thread ${String(sql ?? '?')})`);
  }
  return Number(lag);
}

async function replicaStatus(dataSource: DataSource): Promise<StatusRow[]> {
  try {
    return await dataSource.query<StatusRow[]>('SHOW REPLICA STATUS');
  } catch (error) {
    // MariaDB before 10.5 and MySQL before 8.0.22 know only the older words.
    if ((error as { driverError?: { code?: string } }).driverError?.code !== 'ER_PARSE_ERROR') throw error;
    return dataSource.query<StatusRow[]>('SHOW SLAVE STATUS');
  }
}

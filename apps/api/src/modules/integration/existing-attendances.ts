import type { EntityManager } from 'typeorm';
import { commaList, type Statement } from '../../core/database/one-round-trip';
import { entityColumns } from '../../core/database/row-statements';
import { Attendance } from '../attendances/entities/attendance.entity';
import { INGEST_FIELDS, type Ingestible } from './ingest-values';

export interface ExistingAttendance {
  id: string;
  externalId: string;
  deleted: boolean;
  values: Ingestible;
}

/**
 * The attendances of these external ids that already exist (soft-deleted ones included), locked
 * until the transaction ends on MySQL/MariaDB, in one plain statement (a batch runs it only when
 * its all-new insert met a taken id); `read` turns its rows into typed values exactly as TypeORM
 * hydrates the entity (booleans, dates, the sale value's transformer).
 */
export function existingAttendancesLookup(
  manager: EntityManager,
  tenantId: string,
  externalIds: string[],
): { statement: Statement; read(rows: Record<string, unknown>[]): ExistingAttendance[] } {
  const driver = manager.connection.driver;
  const [id, externalId, deletedAt] = entityColumns(manager, Attendance, ['id', 'externalId', 'deletedAt']);
  const fields = entityColumns(manager, Attendance, INGEST_FIELDS);
  const names = [id, externalId, deletedAt, ...fields].map((column) => column.databaseName).join(', ');
  const lock = manager.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
  return {
    statement: {
      sql: `SELECT ${names} FROM attendances WHERE tenant_id = ? AND external_id IN (${commaList('?', externalIds.length)})${lock}`,
      params: [tenantId, ...externalIds],
    },
    read: (rows) =>
      rows.map((row) => ({
        id: row[id.databaseName] as string,
        externalId: row[externalId.databaseName] as string,
        deleted: row[deletedAt.databaseName] !== null,
        values: Object.fromEntries(fields.map((column) => [column.propertyName, driver.prepareHydratedValue(row[column.databaseName], column)])) as Ingestible,
      })),
  };
}

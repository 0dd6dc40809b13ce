import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import type { Statement } from '../../core/database/one-round-trip';
import { insertRowStatement } from '../../core/database/row-statements';
import { maskSensitive } from './mask-sensitive';
import { AuditLog } from './entities/audit-log.entity';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  impersonatorId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
}

/** Appends to the audit log; pass the transaction's manager to write in the same transaction. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const { sql, params } = this.entryStatement(entry);
    await manager.query(sql, params);
  }

  /** The INSERT of an entry, to send along with the writes it records (see `inOneTransaction`). */
  entryStatement(entry: AuditEntry): Statement {
    return insertRowStatement(this.dataSource.manager, AuditLog, {
      id: randomUUID(),
      tenantId: entry.tenantId,
      actorId: entry.actorId,
      impersonatorId: entry.impersonatorId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      changes: entry.changes ? maskSensitive(entry.changes) : null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent?.slice(0, 255) ?? null,
    });
  }
}

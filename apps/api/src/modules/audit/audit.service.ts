import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Statement } from '../../core/database/insert-statement';
import { AuditRepository, type AuditRow } from './audit.repository';
import { maskSensitive } from './mask-sensitive';

export interface AuditEntry {
  /** The tenant whose log gets the entry; from a tenant's request, that tenant (a super admin may name the tenant they act on). */
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

/** Appends to the audit log, inside the running transaction (`Transactions.run`) if there is one, else on its own. */
@Injectable()
export class AuditService {
  constructor(private readonly logs: AuditRepository) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.logs.append(toRow(entry));
  }

  /** The INSERT of an entry, to send along with the writes it records (see `inOneTransaction`). */
  entryStatement(entry: AuditEntry): Statement {
    return this.logs.insertStatement(toRow(entry));
  }
}

/** Credentials never reach the log, and a user agent is cut to its column. */
const toRow = (entry: AuditEntry): AuditRow => ({
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

import type { AuditLogView } from '@fasto/contracts';
import type { AuditLog } from './entities/audit-log.entity';

export const toAuditLogView = (row: AuditLog, actorName: string | null): AuditLogView => ({
  id: row.id,
  tenantId: row.tenantId,
  actorId: row.actorId,
  actorName,
  impersonatorId: row.impersonatorId,
  action: row.action,
  entity: row.entity,
  entityId: row.entityId,
  changes: row.changes as Record<string, unknown> | null,
  ip: row.ip,
  userAgent: row.userAgent,
  createdAt: row.createdAt.toISOString(),
});

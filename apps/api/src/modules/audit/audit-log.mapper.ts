import type { AuditLogView, AuditReference } from '@fasto/contracts';
import type { AuditLog } from './entities/audit-log.entity';

/** Who acted, as the reader may see them: a user of the entry's tenant, or Fasto staff. */
export interface AuditActor {
  name: string | null;
  superAdmin: boolean;
}

export const toAuditLogView = (
  row: AuditLog,
  actor: AuditActor | null,
  impersonator: AuditActor | null,
  references: Record<string, AuditReference>,
): AuditLogView => ({
  id: row.id,
  tenantId: row.tenantId,
  actorId: row.actorId,
  actorName: actor?.name ?? null,
  actorIsSuperAdmin: actor?.superAdmin ?? false,
  impersonatorId: row.impersonatorId,
  impersonatorName: impersonator?.name ?? null,
  action: row.action,
  entity: row.entity,
  entityId: row.entityId,
  changes: row.changes as Record<string, unknown> | null,
  references,
  ip: row.ip,
  userAgent: row.userAgent,
  createdAt: row.createdAt.toISOString(),
});

import { DEFAULT_TENANT_SETTINGS, NotificationType, Role } from '@fasto/contracts';
import { Equal } from 'typeorm';
import { TenantContext } from '../core/tenancy/tenant-context';
import type { TenantTables } from '../core/tenancy/tenant-table';
import { Attendance } from '../modules/attendances/entities/attendance.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { notificationValues, type NotificationDraft } from '../modules/notifications/notification-writer.service';
import { User } from '../modules/users/entities/user.entity';

/** Unread notifications each demo admin and manager finds in the tray, per kind they receive. */
const PER_KIND = 3;
/** Seeded attendances do not pass through the ingest triggers: the newest this many are judged here. */
const RECENT = 400;

type RecentAttendance = Pick<Attendance, 'id' | 'teamId' | 'customerName' | 'score' | 'firstResponseTimeMin' | 'converted' | 'saleValue'>;

/**
 * What the live triggers would have told the demo's admins and managers about the newest seeded
 * attendances — closed sales to both, low scores and slow first responses to the team's managers —
 * with the triggers' event keys (a later edit of the same attendance never notifies twice), plus a
 * "new member" note for the admins.
 */
export function seedDemoNotifications(tables: TenantTables, tenantId: string, tenantName: string): Promise<void> {
  return new TenantContext().runInTenant(tenantId, () => seedTenant(tables, tenantId, tenantName));
}

async function seedTenant(tables: TenantTables, tenantId: string, tenantName: string): Promise<void> {
  const recent: RecentAttendance[] = await tables
    .of(Attendance)
    .queryBuilder('a')
    .select(['a.id', 'a.teamId', 'a.customerName', 'a.score', 'a.firstResponseTimeMin', 'a.converted', 'a.saleValue'])
    .orderBy('a.attendedAt', 'DESC')
    .limit(RECENT)
    .getMany();
  const people = await tables.of(User).find({ isActive: Equal(true) });
  const { lowScoreThreshold, firstResponseSlaMinutes } = DEFAULT_TENANT_SETTINGS;
  const draft = (userId: string, type: NotificationType, attendance: RecentAttendance, data: NotificationDraft['data']): NotificationDraft => ({
    tenantId,
    userId,
    type,
    data,
    link: `/attendances/${attendance.id}`,
    eventKey: `attendance.${type}:${attendance.id}`,
  });
  const drafts: NotificationDraft[] = [];
  for (const person of people) {
    const visible = person.role === Role.Admin ? recent : recent.filter((attendance) => attendance.teamId !== null && attendance.teamId === person.teamId);
    if (person.role !== Role.Admin && person.role !== Role.Manager) continue;
    for (const sale of visible.filter((attendance) => attendance.converted).slice(0, PER_KIND)) {
      drafts.push(draft(person.id, NotificationType.SaleClosed, sale, { customer: sale.customerName, value: sale.saleValue }));
    }
    if (person.role !== Role.Manager) continue;
    for (const low of visible.filter((attendance) => attendance.score !== null && attendance.score < lowScoreThreshold).slice(0, PER_KIND)) {
      drafts.push(draft(person.id, NotificationType.LowScore, low, { customer: low.customerName, score: low.score, threshold: lowScoreThreshold }));
    }
    const slowOnes = visible.filter((attendance) => attendance.firstResponseTimeMin !== null && attendance.firstResponseTimeMin > firstResponseSlaMinutes);
    for (const slow of slowOnes.slice(0, PER_KIND)) {
      drafts.push(
        draft(person.id, NotificationType.SlowFirstResponse, slow, {
          customer: slow.customerName,
          minutes: slow.firstResponseTimeMin,
          sla: firstResponseSlaMinutes,
        }),
      );
    }
  }
  const newest = people.filter((person) => person.role === Role.Agent).slice(-PER_KIND);
  for (const admin of people.filter((person) => person.role === Role.Admin)) {
    for (const member of newest) {
      drafts.push({
        tenantId,
        userId: admin.id,
        type: NotificationType.UserCreated,
        data: { name: member.fullName, email: member.email, role: member.role, tenant: tenantName },
        link: `/members/${member.id}`,
        eventKey: `user.created:${member.id}`,
      });
    }
  }
  await tables.of(Notification).insertIgnoringDuplicates(drafts.map(notificationValues));
}

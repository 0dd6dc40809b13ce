import { DEFAULT_TENANT_SETTINGS, NotificationType, Role } from '@fasto/contracts';
import type { DataSource } from 'typeorm';
import { insertIgnoringDuplicates } from '../core/database/insert-ignoring-duplicates';
import { notificationRow, type NotificationDraft } from '../modules/notifications/notification-writer.service';

/** Unread notifications each demo admin and manager finds in the tray, per kind they receive. */
const PER_KIND = 3;
/** Seeded attendances do not pass through the ingest triggers: the newest this many are judged here. */
const RECENT = 400;

interface RecentAttendance {
  id: string;
  teamId: string | null;
  customerName: string | null;
  score: number | null;
  firstResponseTimeMin: number | string | null;
  converted: number | boolean;
  saleValue: number | string | null;
}

interface Person {
  id: string;
  role: Role;
  teamId: string | null;
  fullName: string;
  email: string;
}

/**
 * What the live triggers would have told the demo's admins and managers about the newest seeded
 * attendances — closed sales to both, low scores and slow first responses to the team's managers —
 * with the triggers' event keys (a later edit of the same attendance never notifies twice), plus a
 * "new member" note for the admins.
 */
export async function seedDemoNotifications(dataSource: DataSource, tenantId: string, tenantName: string): Promise<void> {
  const recent: RecentAttendance[] = await dataSource.query(
    `SELECT id, team_id AS teamId, customer_name AS customerName, score, first_response_time_min AS firstResponseTimeMin,
            converted, sale_value AS saleValue
       FROM attendances WHERE tenant_id = ? AND deleted_at IS NULL ORDER BY attended_at DESC LIMIT ${RECENT}`,
    [tenantId],
  );
  const people: Person[] = await dataSource.query(
    'SELECT id, role, team_id AS teamId, full_name AS fullName, email FROM users WHERE tenant_id = ? AND is_active = ?',
    [tenantId, true],
  );
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
    for (const sale of visible.filter((attendance) => Boolean(Number(attendance.converted))).slice(0, PER_KIND)) {
      drafts.push(
        draft(person.id, NotificationType.SaleClosed, sale, { customer: sale.customerName, value: sale.saleValue === null ? null : Number(sale.saleValue) }),
      );
    }
    if (person.role !== Role.Manager) continue;
    for (const low of visible.filter((attendance) => attendance.score !== null && attendance.score < lowScoreThreshold).slice(0, PER_KIND)) {
      drafts.push(draft(person.id, NotificationType.LowScore, low, { customer: low.customerName, score: low.score, threshold: lowScoreThreshold }));
    }
    const slowOnes = visible.filter(
      (attendance) => attendance.firstResponseTimeMin !== null && Number(attendance.firstResponseTimeMin) > firstResponseSlaMinutes,
    );
    for (const slow of slowOnes.slice(0, PER_KIND)) {
      drafts.push(
        draft(person.id, NotificationType.SlowFirstResponse, slow, {
          customer: slow.customerName,
          minutes: Number(slow.firstResponseTimeMin),
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
  await insertIgnoringDuplicates(dataSource.manager, 'notifications', drafts.map(notificationRow));
}

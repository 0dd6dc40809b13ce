import { NotificationType, Role, type TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { AttendanceFacts } from '../../../core/events/attendance-facts';
import { DomainEvents, type AttendanceRecorded } from '../../../core/events/domain-events';
import type { NotificationData } from '../notification-messages';
import { NotificationWriter, type NotificationDraft } from '../notification-writer.service';
import { AlertThresholds } from './alert-thresholds';
import { TriggersRepository, type Recipient } from './triggers.repository';

type Event = AttendanceRecorded;

/** A trigger crossed by this change: true now and not true before (so an update re-sending it is silent). */
interface Crossing {
  type: NotificationType;
  data: NotificationData;
  /** Admins too, or the team's managers only. */
  toAdmins: boolean;
}

const crossedLowScore = (before: AttendanceFacts | null, after: AttendanceFacts, threshold: number) =>
  after.score !== null && after.score < threshold && !(before?.score != null && before.score < threshold);

const crossedSla = (before: AttendanceFacts | null, after: AttendanceFacts, slaMinutes: number) =>
  after.firstResponseTimeMin !== null &&
  after.firstResponseTimeMin > slaMinutes &&
  !(before?.firstResponseTimeMin != null && before.firstResponseTimeMin > slaMinutes);

/**
 * Closed sales, low scores and slow first responses, decided from the attendance's state before
 * and after the write and written in that write's transaction, in the attendance's tenant (where
 * `DomainEvents` runs its handlers). The event key per attendance and trigger makes each fire
 * once, whatever n8n retries or whoever edits the row later.
 */
@Injectable()
export class AttendanceTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
    private readonly thresholds: AlertThresholds,
    private readonly reads: TriggersRepository,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('attendance.recorded', (event) => this.recorded(event.tenantId, [event]));
    this.events.onTransaction('attendances.recorded', (event) => this.recorded(event.tenantId, event.records));
  }

  /** One settings read, one recipients read per team and one insert, however many attendances. */
  private async recorded(tenantId: string, records: Event[]): Promise<void> {
    const settings = await this.settingsIfNeeded(records);
    const crossed = records.map((record) => ({ record, crossings: this.crossings(record, settings) })).filter(({ crossings }) => crossings.length > 0);
    if (crossed.length === 0) return;
    const recipientsByTeam = new Map<string, Recipient[]>();
    for (const teamId of new Set(crossed.map(({ record }) => record.after.teamId ?? ''))) {
      recipientsByTeam.set(teamId, await this.reads.adminsAndTeamManagers(teamId || null));
    }
    await this.writer.deliver(
      crossed.flatMap(({ record, crossings }) =>
        crossings.flatMap((crossing) =>
          this.addressees(recipientsByTeam.get(record.after.teamId ?? '') ?? [], crossing, record.after.teamId).map(
            (recipient): NotificationDraft => ({
              tenantId,
              userId: recipient.userId,
              type: crossing.type,
              data: crossing.data,
              link: `/attendances/${record.attendanceId}`,
              eventKey: `attendance.${crossing.type}:${record.attendanceId}`,
            }),
          ),
        ),
      ),
    );
  }

  /** The tenant's thresholds, read only when some record has a new score or first-response time to judge. */
  private async settingsIfNeeded(records: Event[]): Promise<TenantSettings | null> {
    const judged = records.some(
      ({ before, after }) =>
        (after.score !== null && after.score !== before?.score) ||
        (after.firstResponseTimeMin !== null && after.firstResponseTimeMin !== before?.firstResponseTimeMin),
    );
    return judged ? this.thresholds.of() : null;
  }

  private crossings({ before, after, customerName }: Event, settings: TenantSettings | null): Crossing[] {
    const crossings: Crossing[] = [];
    if (after.converted && !before?.converted) {
      crossings.push({ type: NotificationType.SaleClosed, data: { customer: customerName, value: after.saleValue }, toAdmins: true });
    }
    if (!settings) return crossings;
    if (crossedLowScore(before, after, settings.lowScoreThreshold)) {
      crossings.push({
        type: NotificationType.LowScore,
        data: { customer: customerName, score: after.score, threshold: settings.lowScoreThreshold },
        toAdmins: false,
      });
    }
    if (crossedSla(before, after, settings.firstResponseSlaMinutes)) {
      crossings.push({
        type: NotificationType.SlowFirstResponse,
        data: { customer: customerName, minutes: after.firstResponseTimeMin, sla: settings.firstResponseSlaMinutes },
        toAdmins: false,
      });
    }
    return crossings;
  }

  /**
   * Managers of the attendance's team; admins as well for closed sales. An attendance with no
   * team (its agent is unknown or team-less) has no managers: its alerts go to the admins, so
   * they are never lost.
   */
  private addressees(recipients: Recipient[], crossing: Crossing, teamId: string | null): Recipient[] {
    const managers = recipients.filter((recipient) => recipient.role === Role.Manager && teamId !== null && recipient.teamId === teamId);
    const admins = recipients.filter((recipient) => recipient.role === Role.Admin);
    if (crossing.toAdmins) return [...managers, ...admins];
    return teamId === null ? admins : managers;
  }
}

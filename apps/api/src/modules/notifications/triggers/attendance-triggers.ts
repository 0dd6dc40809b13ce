import { DEFAULT_TENANT_SETTINGS, NotificationType, Role, type TenantSettings } from '@fasto/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Equal, type EntityManager } from 'typeorm';
import { DomainEvents, type DomainEventMap } from '../../../core/events/domain-events';
import type { AttendanceFacts } from '../../attendances/rollups/rollup-delta';
import { Tenant } from '../../tenants/entities/tenant.entity';
import type { NotificationData } from '../notification-messages';
import { NotificationWriter, type NotificationDraft } from '../notification-writer.service';
import { adminsAndTeamManagers, type Recipient } from './recipients';

type Event = DomainEventMap['attendance.recorded'];

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
 * and after the write and written in that write's transaction. The event key per attendance and
 * trigger makes each fire once, whatever n8n retries or whoever edits the row later.
 */
@Injectable()
export class AttendanceTriggers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: NotificationWriter,
  ) {}

  onModuleInit(): void {
    this.events.onTransaction('attendance.recorded', (manager, event) => this.recorded(manager, event));
  }

  private async recorded(manager: EntityManager, event: Event): Promise<void> {
    const crossings = await this.crossings(manager, event);
    if (crossings.length === 0) return;
    const recipients = await adminsAndTeamManagers(manager, event.tenantId, event.after.teamId);
    await this.writer.deliver(
      manager,
      crossings.flatMap((crossing) =>
        this.addressees(recipients, crossing, event.after.teamId).map(
          (recipient): NotificationDraft => ({
            tenantId: event.tenantId,
            userId: recipient.userId,
            type: crossing.type,
            data: crossing.data,
            link: `/attendances/${event.attendanceId}`,
            eventKey: `attendance.${crossing.type}:${event.attendanceId}`,
          }),
        ),
      ),
    );
  }

  private async crossings(manager: EntityManager, { before, after, customerName }: Event): Promise<Crossing[]> {
    const crossings: Crossing[] = [];
    if (after.converted && !before?.converted) {
      crossings.push({ type: NotificationType.SaleClosed, data: { customer: customerName, value: after.saleValue }, toAdmins: true });
    }
    const mayBeLow = after.score !== null && after.score !== before?.score;
    const mayBeSlow = after.firstResponseTimeMin !== null && after.firstResponseTimeMin !== before?.firstResponseTimeMin;
    if (!mayBeLow && !mayBeSlow) return crossings;
    const settings = await this.settings(manager, after.tenantId);
    if (mayBeLow && crossedLowScore(before, after, settings.lowScoreThreshold)) {
      crossings.push({
        type: NotificationType.LowScore,
        data: { customer: customerName, score: after.score, threshold: settings.lowScoreThreshold },
        toAdmins: false,
      });
    }
    if (mayBeSlow && crossedSla(before, after, settings.firstResponseSlaMinutes)) {
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

  private async settings(manager: EntityManager, tenantId: string): Promise<TenantSettings> {
    const tenant = await manager.getRepository(Tenant).findOne({ select: { id: true, settings: true }, where: { id: Equal(tenantId) } });
    return { ...DEFAULT_TENANT_SETTINGS, ...(tenant?.settings ?? {}) };
  }
}

import type { Page } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { activeManager } from '../../core/database/transactions';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables, type TenantValues } from '../../core/tenancy/tenant-table';
import { WebhookDelivery } from './entities/webhook-delivery.entity';
import { WebhookEndpoint } from './entities/webhook-endpoint.entity';

export type EndpointFields = Pick<TenantValues<WebhookEndpoint>, 'url' | 'events' | 'isActive' | 'consecutiveFailures' | 'disabledAt'>;
export type DeliveryOutcome = Pick<
  TenantValues<WebhookDelivery>,
  'status' | 'nextAttemptAt' | 'leaseExpiresAt' | 'lastResponseCode' | 'lastDurationMs' | 'lastError' | 'deliveredAt'
>;

/** 8 values a row: 500 rows stay far below SQLite's 32,766 bound parameters. */
const DELIVERY_ROWS_PER_INSERT = 500;

/** A delivery some tenant owes, found by the sweep across tenants. */
export interface DueDelivery {
  id: string;
  tenantId: string;
}

/** The SQL of webhook endpoints and their deliveries: in the current tenant, but for the due-deliveries sweep (system scope). */
@Injectable()
export class WebhooksRepository {
  private readonly endpoints = this.tables.of(WebhookEndpoint);
  private readonly deliveries = this.tables.of(WebhookDelivery);

  constructor(
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  listEndpoints(): Promise<WebhookEndpoint[]> {
    return this.endpoints.find({}, { createdAt: 'ASC', id: 'ASC' });
  }

  findEndpoint(id: string): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneById(id);
  }

  /** The active endpoints, which the outbox matches events against. */
  activeEndpoints(): Promise<WebhookEndpoint[]> {
    return this.endpoints.find({ isActive: Equal(true) });
  }

  insertEndpoint(values: TenantValues<WebhookEndpoint>): Promise<void> {
    return this.endpoints.insert(values);
  }

  updateEndpoint(id: string, fields: Partial<EndpointFields>): Promise<void> {
    return this.endpoints.update({ id: Equal(id) }, fields);
  }

  deleteEndpoint(id: string): Promise<void> {
    return this.endpoints.delete({ id: Equal(id) });
  }

  /** One more failure in a row; returns the count now. */
  async countFailure(id: string): Promise<number> {
    await this.endpoints.update({ id: Equal(id) }, { consecutiveFailures: () => 'consecutive_failures + 1' });
    return (await this.endpoints.findOneById(id))?.consecutiveFailures ?? 0;
  }

  /** Disables the endpoint if it is still active; true for the one caller that did (so the admins are told once). */
  async disable(id: string, at: Date): Promise<boolean> {
    return (await this.endpoints.updateAndCount({ id: Equal(id), isActive: Equal(true) }, { isActive: false, disabledAt: at })) === 1;
  }

  /**
   * Many outbox rows in one statement. `insertIgnoringDuplicates` is the multi-row insert TenantTable
   * offers; deliveries have no unique key besides their fresh ids, so none is skipped.
   */
  async insertDeliveries(rows: TenantValues<WebhookDelivery>[]): Promise<void> {
    // A full batch ingest with several endpoints makes thousands of rows: stay under SQLite's bound-parameter limit.
    for (let start = 0; start < rows.length; start += DELIVERY_ROWS_PER_INSERT) {
      await this.deliveries.insertIgnoringDuplicates(rows.slice(start, start + DELIVERY_ROWS_PER_INSERT));
    }
  }

  findDelivery(endpointId: string, id: string): Promise<WebhookDelivery | null> {
    return this.deliveries.queryBuilder('d').andWhere('d.id = :id AND d.endpointId = :endpointId', { id, endpointId }).getOne();
  }

  findDeliveryById(id: string): Promise<WebhookDelivery | null> {
    return this.deliveries.findOneById(id);
  }

  /** An endpoint's deliveries, newest first. */
  deliveryPage(endpointId: string, options: { cursor?: string; limit: number }): Promise<Page<WebhookDelivery>> {
    return keysetPage(
      this.deliveries.queryBuilder('d').andWhere('d.endpointId = :endpointId', { endpointId }),
      {
        sortColumn: 'd.createdAt',
        idColumn: 'd.id',
        direction: 'DESC',
        cursor: options.cursor,
        limit: options.limit,
        parseSortValue: parseDateCursor,
        keyOf: (row) => [row.createdAt.toISOString(), row.id],
      },
      (row) => row,
    );
  }

  /**
   * Takes a due delivery for this instance: pending and due, or claimed by an instance whose lease
   * ran out. The conditions are in the UPDATE itself, so of several instances racing exactly one
   * matches the row (true for it).
   */
  async claim(id: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await activeManager(this.dataSource)
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ status: 'delivering', leaseExpiresAt: leaseUntil, attempts: () => 'attempts + 1' })
      .where('tenant_id = :tenantId AND id = :id', { tenantId: this.context.tenantId(), id })
      .andWhere("((status = 'pending' AND next_attempt_at <= :now) OR (status = 'delivering' AND lease_expires_at <= :now))", { now })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  recordOutcome(id: string, outcome: Partial<DeliveryOutcome>): Promise<void> {
    return this.deliveries.update({ id: Equal(id) }, outcome);
  }

  /** Deliveries due now in any tenant, oldest due first: the delivery job's sweep (system scope). */
  dueDeliveries(now: Date, limit: number): Promise<DueDelivery[]> {
    this.context.system();
    return activeManager(this.dataSource)
      .createQueryBuilder()
      .select('d.id', 'id')
      .addSelect('d.tenant_id', 'tenantId')
      .from(WebhookDelivery, 'd')
      .where("(d.status = 'pending' AND d.next_attempt_at <= :now) OR (d.status = 'delivering' AND d.lease_expires_at <= :now)", { now })
      .orderBy('d.next_attempt_at', 'ASC')
      .limit(limit)
      .getRawMany<DueDelivery>();
  }
}

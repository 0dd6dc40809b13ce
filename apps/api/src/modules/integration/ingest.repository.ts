import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Equal, type DataSource } from 'typeorm';
import { commaList, entityColumns, InsertBuilder, type Statement } from '../../core/database/insert-statement';
import { forUpdate } from '../../core/database/lock';
import { activeManager, executePrepared, inOneRoundTrip } from '../../core/database/transactions';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { TenantTables } from '../../core/tenancy/tenant-table';
import { normalizeEmail } from '../../core/validation/email';
import { Attendance } from '../attendances/entities/attendance.entity';
import type { IngestAttendanceDto } from './dto/ingest-attendance.dto';
import { batchResolver, Catalog, referencesFor, type AgentRow, type CatalogRow, type ReferenceResolver, type ResolvedReferences } from './ingest-references';
import { INGEST_FIELDS, type Ingestible } from './ingest-values';

/** A new attendance: its id, n8n's id for it and the ingested fields (the tenant is the scope's). */
export interface NewAttendance {
  id: string;
  externalId: string;
  values: Ingestible;
}

/** A stored attendance of an external id, as a batch compares it. */
export interface StoredAttendance {
  id: string;
  externalId: string;
  deleted: boolean;
  values: Ingestible;
}

/** Agents of the tenant with their team's funnel and origin group; callers append the filter on `u`. */
const AGENTS = `SELECT u.id AS id, u.email AS email, u.team_id AS teamId, t.funnel_id AS funnelId, t.origin_group_id AS originGroupId
  FROM users u LEFT JOIN teams t ON t.id = u.team_id AND t.tenant_id = u.tenant_id WHERE u.tenant_id = ?`;
const STAGES = `SELECT 'stage' AS kind, id, name, funnel_id AS listId, position FROM funnel_stages WHERE tenant_id = ?`;
const ORIGINS = `SELECT 'origin' AS kind, id, name, origin_group_id AS listId, position FROM origin_items WHERE tenant_id = ?`;

/** Multi-row inserts stay well under both engines' bound-parameter limits. */
const ROWS_PER_INSERT = 250;

/**
 * The SQL of ingest, in the current tenant: the agents and catalogs an item names, new
 * attendances (plain multi-row INSERTs, nothing read back: QUALITY P3), and the locking reads
 * and updates of attendances n8n sends again.
 */
@Injectable()
export class IngestRepository {
  private readonly attendances = this.tables.of(Attendance);
  private inserts: InsertBuilder<NewAttendance> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: TenantTables,
    private readonly context: TenantContext,
  ) {}

  /** One item's agent, stage and origin as ids of this tenant (another tenant's ids are unknown here), in one round trip. */
  async references(input: IngestAttendanceDto): Promise<ResolvedReferences> {
    const agent = this.agentStatement(input);
    const catalog = this.catalogStatement([input]);
    const results = await inOneRoundTrip<(AgentRow[] | CatalogRow[])[]>(
      activeManager(this.dataSource),
      [agent, catalog].filter((statement) => statement !== null),
    );
    const user = agent ? ((results[0] as AgentRow[])[0] ?? null) : null;
    return referencesFor(input, user, new Catalog(catalog ? (results[results.length - 1] as CatalogRow[]) : []));
  }

  /** The same for a whole batch: the agents and catalogs its items name in at most two statements, one round trip. */
  async batchReferences(inputs: IngestAttendanceDto[]): Promise<ReferenceResolver> {
    const agents = this.agentsStatement(inputs);
    const catalog = this.catalogStatement(inputs);
    const results = await inOneRoundTrip<(AgentRow[] | CatalogRow[])[]>(
      activeManager(this.dataSource),
      [agents, catalog].filter((statement) => statement !== null),
    );
    return batchResolver(agents ? (results[0] as AgentRow[]) : [], new Catalog(catalog ? (results[results.length - 1] as CatalogRow[]) : []));
  }

  /**
   * The INSERTs of new attendances, to send ahead of the rollup upserts in one round trip (see
   * `RollupWriter.record`) or through `insert`. created_at/updated_at take the column defaults.
   * A taken external id fails its statement with the engine's unique-violation error.
   */
  insertStatements(rows: NewAttendance[]): Statement[] {
    const tenantId = this.context.tenantId();
    return this.insertBuilder().statements(rows, (row, property) =>
      property === 'tenantId' ? tenantId : property === 'id' || property === 'externalId' ? row[property] : row.values[property as keyof Ingestible],
    );
  }

  /** Inserts new attendances (a batch's): prepared statements of a few fixed sizes, up to 250 rows each. */
  async insert(rows: NewAttendance[]): Promise<void> {
    const manager = activeManager(this.dataSource);
    for (const statement of this.insertStatements(rows)) await executePrepared(manager, statement);
  }

  /**
   * The stored attendances of these external ids (soft-deleted ones included), locked until the
   * transaction ends on MySQL/MariaDB, in one plain statement, hydrated as TypeORM would
   * (booleans, dates, the sale value's transformer).
   */
  async lockStored(externalIds: string[]): Promise<StoredAttendance[]> {
    const manager = activeManager(this.dataSource);
    const driver = manager.connection.driver;
    const [id, externalId, deletedAt] = entityColumns(manager, Attendance, ['id', 'externalId', 'deletedAt']);
    const fields = entityColumns(manager, Attendance, INGEST_FIELDS);
    const names = [id, externalId, deletedAt, ...fields].map((column) => column.databaseName).join(', ');
    const lock = manager.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT ${names} FROM attendances WHERE tenant_id = ? AND external_id IN (${commaList('?', externalIds.length)})${lock}`,
      [this.context.tenantId(), ...externalIds],
    );
    return rows.map((row) => ({
      id: row[id.databaseName] as string,
      externalId: row[externalId.databaseName] as string,
      deleted: row[deletedAt.databaseName] !== null,
      values: Object.fromEntries(fields.map((column) => [column.propertyName, driver.prepareHydratedValue(row[column.databaseName], column)])) as Ingestible,
    }));
  }

  /** The attendance of an external id (soft-deleted included), locked until the transaction ends; it must exist. */
  lockByExternalId(externalId: string): Promise<Attendance> {
    return forUpdate(
      this.attendances
        .queryBuilder('a')
        .withDeleted()
        .andWhere({ externalId: Equal(externalId) }),
    ).getOneOrFail();
  }

  async update(id: string, values: Ingestible): Promise<void> {
    await this.attendances.update({ id: Equal(id) }, values);
  }

  /** A savepoint of the current transaction, and the way back to it. */
  async savepoint(name: string): Promise<void> {
    await activeManager(this.dataSource).query(`SAVEPOINT ${name}`);
  }

  async rollbackTo(name: string): Promise<void> {
    await activeManager(this.dataSource).query(`ROLLBACK TO SAVEPOINT ${name}`);
  }

  /** The agent by id or email, with the team's funnel and origin group (null: none named). */
  private agentStatement(input: IngestAttendanceDto): Statement | null {
    if (input.user_id) return { sql: `${AGENTS} AND u.id = ?`, params: [this.context.tenantId(), input.user_id] };
    if (input.agent_email) return { sql: `${AGENTS} AND u.email = ?`, params: [this.context.tenantId(), normalizeEmail(input.agent_email)] };
    return null;
  }

  /** The agents a batch names by id or by email, with their teams (null: none named). */
  private agentsStatement(inputs: IngestAttendanceDto[]): Statement | null {
    const ids = [...new Set(inputs.flatMap((input) => (input.user_id ? [input.user_id] : [])))];
    const emails = [...new Set(inputs.flatMap((input) => (!input.user_id && input.agent_email ? [normalizeEmail(input.agent_email)] : [])))];
    const filters = [
      ...(ids.length ? [`u.id IN (${commaList('?', ids.length)})`] : []),
      ...(emails.length ? [`u.email IN (${commaList('?', emails.length)})`] : []),
    ];
    if (filters.length === 0) return null;
    return { sql: `${AGENTS} AND (${filters.join(' OR ')})`, params: [this.context.tenantId(), ...ids, ...emails] };
  }

  /** The stages and/or origins of the tenant, in position order, in one statement (null: none asked for). */
  private catalogStatement(inputs: IngestAttendanceDto[]): Statement | null {
    const parts = [
      ...(inputs.some((input) => input.stage_id || input.stage_name) ? [STAGES] : []),
      ...(inputs.some((input) => input.origin_id || input.origin_name) ? [ORIGINS] : []),
    ];
    if (parts.length === 0) return null;
    return { sql: `${parts.join(' UNION ALL ')} ORDER BY kind, position`, params: parts.map(() => this.context.tenantId()) };
  }

  private insertBuilder(): InsertBuilder<NewAttendance> {
    this.inserts ??= new InsertBuilder<NewAttendance>(this.dataSource.manager, Attendance, ['id', 'tenantId', 'externalId', ...INGEST_FIELDS], {
      rowsPerStatement: ROWS_PER_INSERT,
      fewSizes: true,
    });
    return this.inserts;
  }
}

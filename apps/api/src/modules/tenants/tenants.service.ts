import { ErrorCode, Role, SYSTEM_TENANT_SLUG, TenantStatus, type Page, type TenantDetail, type TenantSummary, type TenantsOverview } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Equal, Not, type DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../../core/auth/principal';
import { containsPattern, likeInsensitive } from '../../core/database/like';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { DomainEvents } from '../../core/events/domain-events';
import { keysetPage, parseDateCursor } from '../../core/pagination/keyset';
import { pageSize } from '../../core/pagination/page-query.dto';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import type { RequestContext } from '../../core/http/request-context';
import { UserProvisioningService } from '../users/user-provisioning.service';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import type { ListTenantsQuery } from './dto/list-tenants.query';
import type { UpdateTenantDto } from './dto/update-tenant.dto';
import { Tenant } from './entities/tenant.entity';
import { TenantStatsRepository } from './tenant-stats.repository';
import { toTenantDetail, toTenantSummary } from './tenant.mapper';
import { mergeTenantChanges } from './tenant-changes';
import { apiError } from '../../core/errors/api-error';

const SLUG_TAKEN = 'This slug is already taken';
const DAY_MS = 86_400_000;

/** The super admin's view of the SaaS: every tenant but the hidden `system` one. */
@Injectable()
export class TenantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: TenantStatsRepository,
    private readonly provisioning: UserProvisioningService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async list(query: ListTenantsQuery): Promise<Page<TenantSummary>> {
    const tenants = this.dataSource.getRepository(Tenant).createQueryBuilder('t').where('t.slug <> :system', { system: SYSTEM_TENANT_SLUG });
    if (query.status) tenants.andWhere('t.status = :status', { status: query.status });
    if (query.q) tenants.andWhere(`(${likeInsensitive('t.name', 'q')} OR ${likeInsensitive('t.slug', 'q')})`, { q: containsPattern(query.q) });
    const page = await keysetPage(
      tenants,
      {
        sortColumn: 't.createdAt',
        idColumn: 't.id',
        direction: 'DESC',
        cursor: query.cursor,
        limit: pageSize(query),
        parseSortValue: parseDateCursor,
        keyOf: (tenant) => [tenant.createdAt.toISOString(), tenant.id],
      },
      (tenant) => tenant,
    );
    const stats = await this.stats.forTenants(page.items.map((tenant) => tenant.id));
    return { items: page.items.map((tenant) => toTenantSummary(tenant, stats.get(tenant.id))), nextCursor: page.nextCursor };
  }

  overview(): Promise<TenantsOverview> {
    return this.stats.overview();
  }

  async get(id: string): Promise<TenantDetail> {
    const tenant = await this.find(this.dataSource.manager, id);
    return toTenantDetail(tenant, (await this.stats.forTenants([tenant.id])).get(tenant.id));
  }

  /** A new organization in trial, with its first admin invited by email. */
  async create(principal: UserPrincipal, request: CreateTenantDto, context: RequestContext): Promise<TenantDetail> {
    const { tenant, admin } = await this.dataSource
      .transaction(async (manager) => {
        if (await manager.getRepository(Tenant).existsBy({ slug: Equal(request.slug) })) throw new ConflictException(apiError(ErrorCode.SlugTaken, SLUG_TAKEN));
        const trialDays = request.trialDays ?? 14;
        const tenant = manager.getRepository(Tenant).create({
          id: randomUUID(),
          name: request.name,
          slug: request.slug,
          plan: request.plan ?? 'trial',
          status: TenantStatus.Trial,
          trialEndsAt: new Date(Date.now() + trialDays * DAY_MS),
        });
        await manager.getRepository(Tenant).insert(tenant);
        await this.record(manager, principal, 'tenant.created', tenant.id, { name: tenant.name, slug: tenant.slug, plan: tenant.plan, trialDays }, context);
        const admin = await this.provisioning.insert(
          manager,
          tenant.id,
          { email: request.admin.email, fullName: request.admin.fullName, role: Role.Admin },
          { id: principal.userId },
          context,
        );
        await this.events.publish(manager, 'tenant.created', { tenantId: tenant.id, name: tenant.name, actorId: principal.userId });
        return { tenant, admin };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.SlugTaken, SLUG_TAKEN));
        throw error;
      });
    await this.provisioning.welcome(admin);
    return this.get(tenant.id);
  }

  async update(principal: UserPrincipal, id: string, request: UpdateTenantDto, context: RequestContext): Promise<TenantDetail> {
    await this.dataSource.transaction(async (manager) => {
      const tenant = await this.find(manager, id);
      const { trialEndsAt, ...rest } = request;
      const changes = mergeTenantChanges(tenant, {
        ...rest,
        ...(trialEndsAt !== undefined ? { trialEndsAt: trialEndsAt === null ? null : new Date(trialEndsAt) } : {}),
      });
      const diff = auditDiff(tenant, changes);
      if (Object.keys(diff).length === 0) return;
      await manager.getRepository(Tenant).update({ id: Equal(tenant.id) }, changes);
      await this.record(manager, principal, 'tenant.updated', tenant.id, diff, context);
    });
    const tenant = await this.get(id);
    if (request.timezone !== undefined) this.events.emit('tenant.timezone_changed', { tenantId: tenant.id, timezone: tenant.timezone });
    return tenant;
  }

  /** A tenant the super admin may manage: never the hidden system tenant (404, as if absent). */
  async find(manager: EntityManager, id: string): Promise<Tenant> {
    const tenant = await manager.getRepository(Tenant).findOneBy({ id: Equal(id), slug: Not(SYSTEM_TENANT_SLUG) });
    if (!tenant) throw new NotFoundException('Tenant not found');
    return tenant;
  }

  private record(
    manager: EntityManager,
    principal: UserPrincipal,
    action: string,
    tenantId: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ) {
    return this.audit.record(
      { tenantId, actorId: principal.userId, impersonatorId: principal.impersonatorId, action, entity: 'tenant', entityId: tenantId, changes, ...context },
      manager,
    );
  }
}

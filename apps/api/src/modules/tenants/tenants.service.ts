import { DEFAULT_TENANT_PLAN, ErrorCode, Role, TenantStatus, type Page, type TenantDetail, type TenantSummary, type TenantsOverview } from '@fasto/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UserPrincipal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { isUniqueViolation } from '../../core/database/unique-violation';
import { apiError } from '../../core/errors/api-error';
import { DomainEvents } from '../../core/events/domain-events';
import type { RequestContext } from '../../core/http/request-context';
import { pageSize } from '../../core/pagination/page-query.dto';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { auditDiff } from '../audit/audit-diff';
import { AuditService } from '../audit/audit.service';
import { UserProvisioningService } from '../users/user-provisioning.service';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import type { ListTenantsQuery } from './dto/list-tenants.query';
import type { UpdateTenantDto } from './dto/update-tenant.dto';
import type { Tenant } from './entities/tenant.entity';
import { mergeTenantChanges } from './tenant-changes';
import { TenantStatsRepository } from './tenant-stats.repository';
import { toTenantDetail, toTenantSummary } from './tenant.mapper';
import { TenantsRepository } from './tenants.repository';

const SLUG_TAKEN = 'This slug is already taken';
const DAY_MS = 86_400_000;

/**
 * The super admin's view of the SaaS: every tenant but the hidden `system` one. Each entry point
 * works across tenants in a named system scope; the first admin of a new tenant is created in
 * that tenant's scope.
 */
@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly stats: TenantStatsRepository,
    private readonly context: TenantContext,
    private readonly transactions: Transactions,
    private readonly provisioning: UserProvisioningService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  list(query: ListTenantsQuery): Promise<Page<TenantSummary>> {
    return this.context.runAsSystem('console: list tenants', async () => {
      const page = await this.tenants.page({ status: query.status, q: query.q }, { cursor: query.cursor, limit: pageSize(query) });
      const stats = await this.stats.forTenants(page.items.map((tenant) => tenant.id));
      return { items: page.items.map((tenant) => toTenantSummary(tenant, stats.get(tenant.id))), nextCursor: page.nextCursor };
    });
  }

  overview(): Promise<TenantsOverview> {
    return this.context.runAsSystem('console: totals over every tenant', () => this.stats.overview());
  }

  get(id: string): Promise<TenantDetail> {
    return this.context.runAsSystem('console: one tenant', async () => {
      const tenant = await this.find(id);
      return toTenantDetail(tenant, (await this.stats.forTenants([tenant.id])).get(tenant.id));
    });
  }

  /** A new organization in trial, with its first admin invited by email. */
  async create(principal: UserPrincipal, request: CreateTenantDto, context: RequestContext): Promise<TenantDetail> {
    const { tenantId, admin } = await this.context.runAsSystem('console: create a tenant', () =>
      this.transactions
        .run(async () => {
          if (await this.tenants.slugTaken(request.slug)) throw new ConflictException(apiError(ErrorCode.SlugTaken, SLUG_TAKEN));
          const trialDays = request.trialDays ?? 14;
          const fields = { name: request.name, slug: request.slug, plan: request.plan ?? DEFAULT_TENANT_PLAN, status: TenantStatus.Trial };
          const tenantId = await this.tenants.insert({ ...fields, trialEndsAt: new Date(Date.now() + trialDays * DAY_MS) });
          await this.record(principal, 'tenant.created', tenantId, { name: fields.name, slug: fields.slug, plan: fields.plan, trialDays }, context);
          const admin = await this.context.runInTenant(tenantId, () =>
            this.provisioning.insert({ email: request.admin.email, fullName: request.admin.fullName, role: Role.Admin }, { id: principal.userId }, context),
          );
          await this.events.publish('tenant.created', { tenantId, name: fields.name, actorId: principal.userId });
          return { tenantId, admin };
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new ConflictException(apiError(ErrorCode.SlugTaken, SLUG_TAKEN));
          throw error;
        }),
    );
    await this.context.runInTenant(tenantId, () => this.provisioning.welcome(admin));
    return this.get(tenantId);
  }

  async update(principal: UserPrincipal, id: string, request: UpdateTenantDto, context: RequestContext): Promise<TenantDetail> {
    await this.context.runAsSystem('console: edit a tenant', () =>
      this.transactions.run(async () => {
        const tenant = await this.find(id);
        const { trialEndsAt, ...rest } = request;
        const changes = mergeTenantChanges(tenant, {
          ...rest,
          ...(trialEndsAt !== undefined ? { trialEndsAt: trialEndsAt === null ? null : new Date(trialEndsAt) } : {}),
        });
        const diff = auditDiff(tenant, changes);
        if (Object.keys(diff).length === 0) return;
        await this.tenants.update(tenant.id, changes);
        await this.record(principal, 'tenant.updated', tenant.id, diff, context);
      }),
    );
    const tenant = await this.get(id);
    if (request.timezone !== undefined) this.events.emit('tenant.timezone_changed', { tenantId: tenant.id, timezone: tenant.timezone });
    if (request.settings !== undefined) this.events.emit('tenant.settings_changed', { tenantId: tenant.id });
    return tenant;
  }

  /** System scope: a tenant the super admin may manage, never the hidden system tenant (404, as if absent). */
  async find(id: string): Promise<Tenant> {
    const tenant = await this.tenants.manageable(id);
    if (!tenant) throw new NotFoundException('Tenant not found');
    return tenant;
  }

  private record(principal: UserPrincipal, action: string, tenantId: string, changes: Record<string, unknown>, context: RequestContext) {
    return this.audit.record({
      tenantId,
      actorId: principal.userId,
      impersonatorId: principal.impersonatorId,
      action,
      entity: 'tenant',
      entityId: tenantId,
      changes,
      ...context,
    });
  }
}

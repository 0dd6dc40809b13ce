import { Injectable } from '@nestjs/common';
import { TenantContext } from '../../../core/tenancy/tenant-context';
import { TriggersRepository, type Recipient } from './triggers.repository';

/**
 * The super admins, told about every tenant's lifecycle: they live in the hidden system tenant, so
 * finding them from an event of another tenant is cross-tenant work, done in a named system scope
 * (which stays inside the change's transaction).
 */
@Injectable()
export class SuperAdmins {
  constructor(
    private readonly reads: TriggersRepository,
    private readonly context: TenantContext,
  ) {}

  all(): Promise<Recipient[]> {
    return this.context.runAsSystem('notifications: the super admins, told of a change in any tenant', () => this.reads.superAdmins());
  }
}

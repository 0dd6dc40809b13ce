import { Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuthenticatedRequest, UserPrincipal } from '../../core/auth/principal';
import { AuditService } from './audit.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every write attempted with an impersonation token leaves an audit row carrying both ids.
 * A Fastify `onSend` hook rather than a global Nest interceptor: an interceptor wraps every
 * request of every route in RxJS and async-context plumbing (a tenth of the CPU of a cheap
 * request, QUALITY P1) to act on the rare impersonated write. The row is written before the
 * answer leaves, and writes refused by a guard are audited too.
 */
@Injectable()
export class ImpersonationAuditHook {
  private readonly logger = new Logger(ImpersonationAuditHook.name);

  constructor(private readonly audit: AuditService) {}

  register(fastify: FastifyInstance): void {
    // Callback style: an async hook would cost a promise on every request, not just the audited ones.
    fastify.addHook('onSend', (request, reply, payload, done) => {
      const principal = (request as AuthenticatedRequest).principal;
      if (principal?.kind !== 'user' || !principal.impersonatorId || READ_METHODS.has(request.method)) return done(null, payload);
      void this.record(request as AuthenticatedRequest, reply, principal).then(() => done(null, payload));
    });
  }

  private async record(request: AuthenticatedRequest, reply: FastifyReply, principal: UserPrincipal): Promise<void> {
    const userAgent = request.headers['user-agent'];
    try {
      await this.audit.record({
        tenantId: principal.tenantId,
        actorId: principal.userId,
        impersonatorId: principal.impersonatorId,
        action: 'impersonation.request',
        entity: 'request',
        changes: { method: request.method, path: request.url.split('?')[0], outcome: reply.statusCode < 400 ? 'succeeded' : `failed with ${reply.statusCode}` },
        ip: request.ip,
        userAgent: typeof userAgent === 'string' ? userAgent : null,
      });
    } catch (error) {
      // The answer is already decided; a failed audit write must not turn it into a 500.
      this.logger.error({ err: error, path: request.url }, 'Could not audit an impersonated request');
    }
  }
}

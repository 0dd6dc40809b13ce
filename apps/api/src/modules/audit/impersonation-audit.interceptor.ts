import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import type { AuthenticatedRequest, UserPrincipal } from '../../core/auth/principal';
import { toErrorResponse } from '../../core/errors/error-response';
import { AuditService } from './audit.service';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every write made with an impersonation token leaves an audit row carrying both ids. */
@Injectable()
export class ImpersonationAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.principal;
    if (principal?.kind !== 'user' || !principal.impersonatorId || READ_METHODS.has(request.method)) return next.handle();

    const record = (outcome: string) => void this.audit.record(this.entry(request, principal, outcome)).catch(() => undefined);
    return next.handle().pipe(
      tap({
        next: () => record('succeeded'),
        error: (error: unknown) => record(`failed with ${toErrorResponse(error).status}`),
      }),
    );
  }

  private entry(request: AuthenticatedRequest, principal: UserPrincipal, outcome: string) {
    const userAgent = request.headers['user-agent'];
    return {
      tenantId: principal.tenantId,
      actorId: principal.userId,
      impersonatorId: principal.impersonatorId,
      action: 'impersonation.request',
      entity: 'request',
      changes: { method: request.method, path: request.url.split('?')[0], outcome },
      ip: request.ip,
      userAgent: typeof userAgent === 'string' ? userAgent : null,
    };
  }
}

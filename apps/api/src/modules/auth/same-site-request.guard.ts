import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InjectConfig } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/app-config';

/**
 * Refresh and logout act on a cookie, so a foreign page must not be able to trigger them:
 * browsers label cross-site requests (`Sec-Fetch-Site`) and send their `Origin`.
 */
@Injectable()
export class SameSiteRequestGuard implements CanActivate {
  private readonly trustedOrigins: Set<string>;

  constructor(@InjectConfig() config: AppConfig) {
    this.trustedOrigins = new Set([new URL(config.publicUrl).origin, ...config.corsOrigins]);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.headers['sec-fetch-site'] === 'cross-site') throw new ForbiddenException('Cross-site request refused');
    const origin = request.headers.origin;
    if (origin !== undefined && !this.trustedOrigins.has(origin) && origin !== `${request.protocol}://${request.headers.host}`) {
      throw new ForbiddenException('Request origin not allowed');
    }
    return true;
  }
}

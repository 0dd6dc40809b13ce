import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthenticationGuard } from '../guards/authentication.guard';
import { RolesGuard } from '../guards/roles.guard';
import { TenantGuard } from '../guards/tenant.guard';
import { AccessTokenService } from './access-token.service';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { JwtStrategy } from './jwt.strategy';
import { PrincipalCache } from './principal-cache';
import { PrincipalLoader } from './principal-loader';
import { PrincipalsRepository } from './principals.repository';
import { TvLinkAuthenticator } from './tv-link-authenticator';
import { VerifiedTokens } from './verified-tokens';

/**
 * Authentication plumbing and the three global guards, in this order:
 * who is calling → which tenant → may they use this route.
 */
@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject made once, as for verifying (jwt.strategy.ts): given a string, jsonwebtoken
      // first tries (and fails) to parse it as a private key on every sign, 0.6 ms of each login.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)) }),
    }),
  ],
  providers: [
    AccessTokenService,
    ApiKeyAuthenticator,
    JwtStrategy,
    PrincipalCache,
    PrincipalLoader,
    PrincipalsRepository,
    TvLinkAuthenticator,
    VerifiedTokens,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: TenantGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AccessTokenService, PrincipalCache],
})
export class AuthCoreModule {}

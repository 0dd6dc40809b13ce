import { Global, Module } from '@nestjs/common';
import { API_KEY_LOOKUP } from '../../core/auth/api-key-lookup';
import { ApiKeysRepository } from './api-keys.repository';

/**
 * Hands core/auth's API-key authentication (a global guard) the lookup it declares, from the
 * module that owns the api_keys table: global, as the guard is.
 */
@Global()
@Module({
  providers: [ApiKeysRepository, { provide: API_KEY_LOOKUP, useExisting: ApiKeysRepository }],
  exports: [ApiKeysRepository, API_KEY_LOOKUP],
})
export class ApiKeyLookupModule {}

import { Global, Module } from '@nestjs/common';
import { TV_LINK_LOOKUP } from '../../core/auth/tv-link-lookup';
import { TvLinksRepository } from './tv-links.repository';

/**
 * Hands core/auth's TV-token authentication (a global guard) the lookup it declares, from the
 * module that owns the tv_links table: global, as the guard is (as ApiKeyLookupModule).
 */
@Global()
@Module({
  providers: [TvLinksRepository, { provide: TV_LINK_LOOKUP, useExisting: TvLinksRepository }],
  exports: [TvLinksRepository, TV_LINK_LOOKUP],
})
export class TvLinkLookupModule {}

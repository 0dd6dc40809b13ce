import { Global, Module } from '@nestjs/common';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimitStore } from './rate-limit.store';

@Global()
@Module({ providers: [RateLimitRepository, RateLimitStore], exports: [RateLimitStore] })
export class RateLimitModule {}

import { Module } from '@nestjs/common';
import { OriginGroupsController } from './origin-groups.controller';
import { OriginsRepository } from './origins.repository';
import { OriginsService } from './origins.service';

@Module({ controllers: [OriginGroupsController], providers: [OriginsService, OriginsRepository], exports: [OriginsService] })
export class OriginsModule {}

import { Module } from '@nestjs/common';
import { OriginGroupsController } from './origin-groups.controller';
import { OriginsService } from './origins.service';

@Module({ controllers: [OriginGroupsController], providers: [OriginsService], exports: [OriginsService] })
export class OriginsModule {}

import { Module } from '@nestjs/common';
import { FunnelsController } from './funnels.controller';
import { FunnelsService } from './funnels.service';

@Module({ controllers: [FunnelsController], providers: [FunnelsService], exports: [FunnelsService] })
export class FunnelsModule {}

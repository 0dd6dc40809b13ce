import { Global, Module } from '@nestjs/common';
import { BackgroundWork } from './background-work.service';

@Global()
@Module({ providers: [BackgroundWork], exports: [BackgroundWork] })
export class BackgroundModule {}

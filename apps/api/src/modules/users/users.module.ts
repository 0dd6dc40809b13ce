import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserProvisioningService } from './user-provisioning.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UsersService, UserProvisioningService],
  exports: [UserProvisioningService],
})
export class UsersModule {}

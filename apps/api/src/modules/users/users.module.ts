import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserCreationLimit } from './user-creation-limit';
import { UserProvisioningService } from './user-provisioning.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, UserProvisioningService, UserCreationLimit],
  exports: [UserProvisioningService],
})
export class UsersModule {}

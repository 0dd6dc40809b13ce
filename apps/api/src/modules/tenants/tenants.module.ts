import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { OwnTenantController } from './own-tenant.controller';
import { OwnTenantService } from './own-tenant.service';
import { TenantLifecycleService } from './tenant-lifecycle.service';
import { TenantStatsRepository } from './tenant-stats.repository';
import { TenantsController } from './tenants.controller';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

@Module({
  imports: [AuthModule, UsersModule],
  controllers: [TenantsController, OwnTenantController],
  providers: [TenantsService, TenantsRepository, TenantLifecycleService, TenantStatsRepository, OwnTenantService],
  exports: [TenantsService, TenantsRepository],
})
export class TenantsModule {}

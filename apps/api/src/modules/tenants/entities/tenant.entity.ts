import { DEFAULT_TENANT_LOCALE, DEFAULT_TENANT_TIMEZONE, TenantStatus, type TenantBranding, type TenantSettings } from '@fasto/contracts';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { IdentifiedEntity, SQLITE_NOW_MS } from '../../../core/database/base.entity';

@Entity('tenants')
@Index('uq_tenants_slug', ['slug'], { unique: true })
export class Tenant extends IdentifiedEntity {
  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 60 })
  slug!: string;

  @Column({ type: 'varchar', length: 20, default: TenantStatus.Trial })
  status!: TenantStatus;

  @Column({ type: 'varchar', length: 40, default: 'trial' })
  plan!: string;

  @Column({ type: 'datetime', nullable: true })
  trialEndsAt!: Date | null;

  @Column({ type: 'varchar', length: 64, default: DEFAULT_TENANT_TIMEZONE })
  timezone!: string;

  @Column({ type: 'varchar', length: 16, default: DEFAULT_TENANT_LOCALE })
  locale!: string;

  @Column({ type: 'simple-json', nullable: true })
  branding!: TenantBranding | null;

  @Column({ type: 'simple-json', nullable: true })
  settings!: Partial<TenantSettings> | null;

  @CreateDateColumn({ default: SQLITE_NOW_MS })
  createdAt!: Date;

  @UpdateDateColumn({ default: SQLITE_NOW_MS })
  updatedAt!: Date;
}

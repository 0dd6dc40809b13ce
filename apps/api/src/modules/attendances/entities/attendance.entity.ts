import { AttendanceChannel } from '@fasto/contracts';
import { Column, DeleteDateColumn, Entity, Index } from 'typeorm';
import { EditableTenantOwnedEntity } from '../../../core/database/base.entity';
import { decimalToNumber } from '../../../core/database/decimal.transformer';

/** One customer conversation as judged by the AI in n8n ("atendimento"). */
@Entity('attendances')
@Index('uq_attendances_tenant_external', ['tenantId', 'externalId'], { unique: true })
@Index('idx_attendances_tenant_live_attended', ['tenantId', 'deletedAt', 'attendedAt', 'id'])
@Index('idx_attendances_tenant_user_live_attended', ['tenantId', 'userId', 'deletedAt', 'attendedAt', 'id'])
@Index('idx_attendances_tenant_team_live_attended', ['tenantId', 'teamId', 'deletedAt', 'attendedAt', 'id'])
/** The sync read-back walks every change in (updated_at, id) order, deleted rows included (GET /integration/attendances). */
@Index('idx_attendances_tenant_updated', ['tenantId', 'updatedAt', 'id'])
export class Attendance extends EditableTenantOwnedEntity {
  /** The agent; null only when n8n named someone Fasto does not know (kept, never lost). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** The agent's team when the attendance arrived: moving an agent later does not rewrite history. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  /** No foreign key on purpose: a deleted stage leaves history intact, counted as "Outros". */
  @Column({ type: 'varchar', length: 36, nullable: true })
  funnelStageId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  originItemId!: string | null;

  /** n8n's id for the conversation: the idempotency key of ingest, unique per tenant. */
  @Column({ type: 'varchar', length: 128 })
  externalId!: string;

  @Column({ type: 'varchar', length: 160, nullable: true })
  customerName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  customerPhone!: string | null;

  @Column({ type: 'varchar', length: 20, default: AttendanceChannel.WhatsApp })
  channel!: AttendanceChannel;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** The AI's long text; MEDIUMTEXT on MySQL (see the initial migration). */
  @Column({ type: 'text', nullable: true })
  fullSummary!: string | null;

  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'double', nullable: true })
  firstResponseTimeMin!: number | null;

  @Column({ type: 'double', nullable: true })
  handlingTimeMin!: number | null;

  /** The sale closed ("Venda Fechada"). */
  @Column({ type: 'boolean', default: false })
  converted!: boolean;

  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimalToNumber })
  saleValue!: number | null;

  @Column({ type: 'datetime' })
  attendedAt!: Date;

  @DeleteDateColumn({ nullable: true })
  deletedAt!: Date | null;
}

import { AttendanceChannel, type IntegrationAttendance, type IntegrationAttendancePage } from '@fasto/contracts';
import { ApiProperty } from '@nestjs/swagger';

const nullableText = (description?: string) => ({ type: String, nullable: true, ...(description ? { description } : {}) });
const nullableId = (description: string) => ({ type: String, format: 'uuid', nullable: true, description });
const nullableNumber = (description?: string) => ({ type: Number, nullable: true, ...(description ? { description } : {}) });

/** The answer of `GET /integration/attendances` as an OpenAPI schema; implements its shared contract so the two cannot drift. */
export class IntegrationAttendanceDto implements IntegrationAttendance {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: "n8n's id of the conversation (the ingest idempotency key)" }) external_id!: string;
  @ApiProperty({ format: 'date-time' }) attended_at!: string;
  @ApiProperty(nullableText()) customer_name!: string | null;
  @ApiProperty(nullableText()) customer_phone!: string | null;
  @ApiProperty({ enum: Object.values(AttendanceChannel) }) channel!: string;
  @ApiProperty(nullableText()) title!: string | null;
  @ApiProperty(nullableText()) summary!: string | null;
  @ApiProperty(nullableText("The AI's full analysis")) full_summary!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 0, maximum: 100 }) score!: number | null;
  @ApiProperty(nullableNumber('Minutes')) first_response_time_min!: number | null;
  @ApiProperty(nullableNumber('Minutes')) handling_time_min!: number | null;
  @ApiProperty({ description: 'The sale closed' }) converted!: boolean;
  @ApiProperty(nullableNumber('A number with up to 2 decimals')) sale_value!: number | null;
  @ApiProperty(nullableId('The agent')) agent_id!: string | null;
  @ApiProperty(nullableText('Null when no agent, or the agent no longer exists')) agent_name!: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) agent_email!: string | null;
  @ApiProperty(nullableId("The agent's team when the attendance arrived")) team_id!: string | null;
  @ApiProperty(nullableText()) team_name!: string | null;
  @ApiProperty(nullableId('The funnel stage')) stage_id!: string | null;
  @ApiProperty(nullableText('Null when no stage, or the stage was deleted')) stage_name!: string | null;
  @ApiProperty(nullableId('The origin item')) origin_id!: string | null;
  @ApiProperty(nullableText('Null when no origin, or the origin was deleted')) origin_name!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time', description: 'Last change (also set by a deletion): the sync order' }) updated_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when the attendance was deleted in Fasto: remove your copy' })
  deleted_at!: string | null;
}

export class IntegrationAttendancePageDto implements IntegrationAttendancePage {
  @ApiProperty({ type: [IntegrationAttendanceDto], description: 'Oldest change first' }) items!: IntegrationAttendanceDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' }) next_cursor!: string | null;
}

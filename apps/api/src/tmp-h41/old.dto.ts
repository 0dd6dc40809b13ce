import { AttendanceChannel, EARLIEST_ATTENDED_AT, MAX_SCORE, MIN_SCORE } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Cents } from '../core/validation/cents';
import { NotBeforeEarliestAttendance } from '../modules/integration/dto/attended-at';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const nullable = (_: object, value: unknown) => value !== null && value !== undefined;

/**
 * The AI's final JSON for one conversation, in the snake_case n8n produces. Agent, stage and
 * origin may be given by id or by name/email; `external_id` makes retries idempotent.
 */
export class IngestAttendanceDto {
  @ApiProperty({ example: 'wa-5511999990000-2026-03-10T12:00', description: 'n8n’s id of the conversation: the idempotency key' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  @Matches(/^[^\p{Cc}]+$/u, { message: 'external_id must not contain control characters' })
  external_id!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @ValidateIf(nullable)
  @IsUUID('all')
  user_id?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'agent@demo.fasto.app', description: 'Used when user_id is absent (case-insensitive)' })
  @ValidateIf(nullable)
  @IsEmail()
  @MaxLength(254)
  agent_email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @ValidateIf(nullable)
  @IsUUID('all')
  stage_id?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Proposta',
    description: 'Matched case- and accent-insensitively, the agent’s team funnel first',
  })
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(80)
  stage_name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @ValidateIf(nullable)
  @IsUUID('all')
  origin_id?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Instagram' })
  @ValidateIf(nullable)
  @Transform(trimmed)
  @IsString()
  @MaxLength(80)
  origin_name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Maria Souza' })
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(160)
  customer_name?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+55 11 99999-0000' })
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(32)
  customer_phone?: string | null;

  @ApiPropertyOptional({ enum: AttendanceChannel, default: AttendanceChannel.WhatsApp })
  @IsOptional()
  @IsEnum(AttendanceChannel)
  channel?: AttendanceChannel;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(5000)
  summary?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The AI’s long analysis' })
  @ValidateIf(nullable)
  @IsString()
  @MaxLength(100_000)
  full_summary?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: MIN_SCORE, maximum: MAX_SCORE })
  @ValidateIf(nullable)
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @ValidateIf(nullable)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(525_600)
  first_response_time_min?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @ValidateIf(nullable)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(525_600)
  handling_time_min?: number | null;

  @ApiPropertyOptional({ default: false, description: 'The sale closed ("Venda Fechada")' })
  @IsOptional()
  @IsBoolean()
  converted?: boolean;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0 })
  @ValidateIf(nullable)
  @Cents()
  @Min(0)
  @Max(999_999_999_999)
  sale_value?: number | null;

  @ApiProperty({
    example: '2026-03-10T12:00:00-03:00',
    description: `When the conversation happened (ISO 8601); not before ${EARLIEST_ATTENDED_AT}, at most a day ahead`,
  })
  @IsISO8601({ strict: true })
  @NotBeforeEarliestAttendance()
  attended_at!: string;
}

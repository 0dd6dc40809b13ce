import {
  ErrorCode,
  type BatchIngestItemResult,
  type CatalogItemView,
  type FunnelStageView,
  type FunnelView,
  type IngestResult,
  type IntegrationUser,
  type OriginGroupView,
} from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorDto } from '../../../core/http/error-body.schema';

// The answers of the integration routes as OpenAPI schemas (for n8n and client generators); each
// class implements its shared contract, so the two cannot drift apart.

export class IntegrationUserDto implements IntegrationUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: ['manager', 'agent'] }) role!: 'manager' | 'agent';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) teamName!: string | null;
}

export class IntegrationUsersResponseDto {
  @ApiProperty({ type: [IntegrationUserDto] }) items!: IntegrationUserDto[];
}

export class TeamRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CatalogItemDto implements CatalogItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '#3b82f6' }) color!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) position!: number;
}

export class FunnelStageDto extends CatalogItemDto implements FunnelStageView {
  @ApiProperty({ description: 'Reaching this stage counts as a sale' }) isWon!: boolean;
}

export class FunnelDto implements FunnelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [FunnelStageDto], description: 'In order' }) stages!: FunnelStageDto[];
  @ApiProperty({ type: [TeamRefDto], description: 'The teams that use this funnel' }) teams!: TeamRefDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class FunnelsResponseDto {
  @ApiProperty({ type: [FunnelDto] }) items!: FunnelDto[];
}

export class OriginGroupDto implements OriginGroupView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [CatalogItemDto], description: 'In order' }) items!: CatalogItemDto[];
  @ApiProperty({ type: [TeamRefDto], description: 'The teams that use this origin group' }) teams!: TeamRefDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class OriginGroupsResponseDto {
  @ApiProperty({ type: [OriginGroupDto] }) items!: OriginGroupDto[];
}

export class IngestResultDto implements IngestResult {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) status!: IngestResult['status'];
  @ApiProperty({ type: [String], description: 'References Fasto could not match (the attendance is stored without them)' }) warnings!: string[];
}

export class BatchItemErrorDto {
  @ApiProperty({ enum: Object.values(ErrorCode), enumName: 'ErrorCode', description: 'Stable machine code' }) code!: ErrorCode;
  @ApiProperty({ description: 'Why the item was refused' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'The fields that failed validation' }) details?: FieldErrorDto[];
}

export class BatchIngestItemResultDto implements BatchIngestItemResult {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Position of the item in the request' }) index!: number;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged', 'error'], description: '"error": the item was refused, see `error`' })
  status!: BatchIngestItemResult['status'];
  @ApiPropertyOptional({ format: 'uuid', description: 'Absent when refused' }) id?: string;
  @ApiPropertyOptional({ type: [String] }) warnings?: string[];
  @ApiPropertyOptional({ type: BatchItemErrorDto, description: 'Only when refused' }) error?: BatchItemErrorDto;
}

export class BatchIngestResponseDto {
  @ApiProperty({ type: [BatchIngestItemResultDto], description: 'One result per item, in order' }) results!: BatchIngestItemResultDto[];
}

import { WEBHOOK_EVENTS, type WebhookEvent } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, IsUrl, MaxLength } from 'class-validator';
import { Omittable } from '../../../core/validation/common-validators';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_host: true };

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://n8n.example.com/webhook/fasto', description: 'http(s) address of a public server' })
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_RULES, { message: 'url must be an http(s) URL' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['attendance.created', 'attendance.converted'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEvent[];
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://n8n.example.com/webhook/fasto' })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  @IsUrl(URL_RULES, { message: 'url must be an http(s) URL' })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ description: 'false pauses deliveries; true re-enables a disabled endpoint and clears its failure count' })
  @Omittable()
  @IsBoolean()
  isActive?: boolean;
}

import { ErrorCode, type ApiErrorBody, type FieldError } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/** One field that failed validation (OpenAPI schema of the contract's `FieldError`). */
export class FieldErrorDto implements FieldError {
  @ApiProperty() field!: string;
  @ApiProperty({ type: [String] }) messages!: string[];
}

/** The one error body of the API, as an OpenAPI schema. */
export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ enum: Object.values(ErrorCode), enumName: 'ErrorCode', description: 'Stable machine code: branch on this, not on the wording' })
  code!: ErrorCode;
  @ApiProperty({ example: 'Validation failed: score must not be greater than 100', description: 'The readable reason (what n8n shows)' })
  error!: string;
  @ApiProperty({ example: 'Validation failed: score must not be greater than 100', description: 'The same reason as `error`' }) message!: string;
  @ApiPropertyOptional({
    description: 'Per-field reasons of a validation error, or extra facts (e.g. `retryAfterSeconds` of a 429)',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldErrorDto) } }, { type: 'object' }],
  })
  details?: unknown;
}

import { ApiProperty } from '@nestjs/swagger';
import { DisplayName } from '../../../core/validation/common-validators';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'n8n produção' })
  @DisplayName(80)
  name!: string;
}

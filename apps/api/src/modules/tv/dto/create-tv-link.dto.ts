import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DisplayName } from '../../../core/validation/common-validators';

export class CreateTvLinkDto {
  @ApiProperty({ example: 'TV da sala de vendas' })
  @DisplayName(80)
  name!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The team the board shows; omit (or null) for the whole organization' })
  @IsOptional()
  @IsUUID('all')
  teamId?: string | null;
}

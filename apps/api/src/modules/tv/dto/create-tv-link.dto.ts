import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DisplayName } from '../../../core/validation/common-validators';

export class CreateTvLinkDto {
  @ApiProperty({ example: 'TV da sala de vendas' })
  @DisplayName(80)
  name!: string;

  @ApiPropertyOptional({ description: 'The team the board shows; omit (or null) for the whole organization', nullable: true })
  @IsOptional()
  @IsUUID('all')
  teamId?: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { DisplayName, Omittable } from '../../../core/validation/common-validators';

class TeamFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The funnel whose stages this team uses' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  funnelId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'The origin group whose items this team uses' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  originGroupId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Sets the team to exactly these members' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class CreateTeamDto extends TeamFieldsDto {
  @ApiProperty({ example: 'Equipe Alpha' })
  @DisplayName()
  name!: string;
}

export class UpdateTeamDto extends TeamFieldsDto {
  @ApiPropertyOptional()
  @Omittable()
  @DisplayName()
  name?: string;
}

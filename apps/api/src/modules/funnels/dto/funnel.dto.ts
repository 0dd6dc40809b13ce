import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, ValidateNested } from 'class-validator';
import { DisplayName, Omittable, PaletteColor } from '../../../core/validation/common-validators';
import { CatalogItemFieldsDto } from '../../catalog/catalog.dto';

export class CreateStageDto extends CatalogItemFieldsDto {
  @ApiPropertyOptional({ description: 'Reaching this stage means the sale closed; one per funnel' })
  @Omittable()
  @IsBoolean()
  isWon?: boolean;
}

export class UpdateStageDto {
  @ApiPropertyOptional()
  @Omittable()
  @DisplayName(80)
  name?: string;

  @ApiPropertyOptional({ example: 'bg-green-100' })
  @Omittable()
  @PaletteColor()
  color?: string;

  @ApiPropertyOptional({ description: 'true moves the won flag to this stage' })
  @Omittable()
  @IsBoolean()
  isWon?: boolean;
}

export class CreateFunnelDto {
  @ApiProperty({ example: 'Funil de Vendas' })
  @DisplayName()
  name!: string;

  @ApiPropertyOptional({ type: [CreateStageDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateStageDto)
  stages?: CreateStageDto[];
}

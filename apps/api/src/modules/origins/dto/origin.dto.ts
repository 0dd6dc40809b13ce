import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { DisplayName, Omittable, PaletteColor } from '../../../core/validation/common-validators';
import { CatalogItemFieldsDto } from '../../catalog/catalog.dto';

export class CreateOriginItemDto extends CatalogItemFieldsDto {}

export class UpdateOriginItemDto {
  @ApiPropertyOptional()
  @Omittable()
  @DisplayName(80)
  name?: string;

  @ApiPropertyOptional({ example: 'bg-pink-100' })
  @Omittable()
  @PaletteColor()
  color?: string;
}

export class CreateOriginGroupDto {
  @ApiProperty({ example: 'Canais Digitais' })
  @DisplayName()
  name!: string;

  @ApiPropertyOptional({ type: [CreateOriginItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateOriginItemDto)
  items?: CreateOriginItemDto[];
}

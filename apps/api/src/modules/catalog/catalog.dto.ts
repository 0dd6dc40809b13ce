import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { DisplayName, PaletteColor } from '../../core/validation/common-validators';

export class CatalogItemFieldsDto {
  @ApiProperty({ example: 'Proposta' })
  @DisplayName(80)
  name!: string;

  @ApiProperty({ example: 'bg-amber-100', description: 'A Tailwind background class from the palette' })
  @PaletteColor()
  color!: string;
}

export class RenameCatalogDto {
  @ApiPropertyOptional()
  @DisplayName()
  name!: string;
}

/** The full list of the group's entry ids, in the new order. */
export class ReorderCatalogDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids!: string[];
}

import { Role, TENANT_ROLES } from '@fasto/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { DisplayName } from '../../../core/validation/common-validators';
import { NormalizedEmail } from '../../../core/validation/normalized-email.decorator';
import { OptionalPhone } from './user-fields';

export class CreateUserDto {
  @ApiProperty()
  @NormalizedEmail()
  email!: string;

  @ApiProperty()
  @DisplayName()
  fullName!: string;

  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: 'role must be one of admin, manager, agent' })
  role!: Role;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  teamId?: string | null;

  @OptionalPhone()
  phone?: string | null;
}

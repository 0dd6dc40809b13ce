import type { LoginRequest } from '@fasto/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormalizedEmail } from '../../../core/validation/normalized-email.decorator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@demo.fasto.app' })
  @NormalizedEmail()
  email!: string;

  @ApiProperty({ example: 'Fasto@2026!demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

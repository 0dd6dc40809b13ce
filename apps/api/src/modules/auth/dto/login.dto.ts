import type { LoginRequest } from '@fasto/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@demo.fasto.app' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Fasto@2026!demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

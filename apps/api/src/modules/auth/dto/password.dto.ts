import type { AcceptInviteRequest, InvitationCheckRequest, ChangePasswordRequest, ForgotPasswordRequest, ResetPasswordRequest } from '@fasto/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NormalizedEmail } from '../../../core/validation/normalized-email.decorator';

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty()
  @NormalizedEmail()
  email!: string;
}

export class InvitationCheckDto implements InvitationCheckRequest {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;
}

/** The new password is judged by the policy in the service (it needs the account's email). */
class TokenAndPasswordDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class ResetPasswordDto extends TokenAndPasswordDto implements ResetPasswordRequest {}

export class AcceptInviteDto extends TokenAndPasswordDto implements AcceptInviteRequest {}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

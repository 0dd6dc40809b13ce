import { ErrorCode, PASSWORD_MIN_LENGTH } from '@fasto/contracts';
import { BadRequestException } from '@nestjs/common';
import { COMMON_PASSWORDS } from './common-passwords';
import { apiError } from '../../core/errors/api-error';

export const PASSWORD_MAX_LENGTH = 200;

/** What is wrong with a new password, in words a user can act on (empty when acceptable). */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  const lowered = password.toLowerCase();
  const mailbox = email.toLowerCase().split('@')[0];
  if (lowered === email.toLowerCase() || (mailbox.length >= 4 && lowered.includes(mailbox))) {
    problems.push('Password must not contain your email address');
  }
  if (COMMON_PASSWORDS.has(lowered)) problems.push('Password is too common; choose something less predictable');
  return problems;
}

export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) {
    throw new BadRequestException(apiError(ErrorCode.ValidationFailed, problems[0], [{ field, messages: problems }]));
  }
}

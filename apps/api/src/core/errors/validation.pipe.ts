import type { FieldError } from '@fasto/contracts';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Unknown fields are refused (not silently dropped) so that `tenantId`, `role` or `passwordHash`
 * can never be mass-assigned; the answer lists every field that failed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const headline = details[0]?.messages[0] ?? 'Invalid request';
      return new BadRequestException({ message: `Validation failed: ${headline}`, details });
    },
  });
}

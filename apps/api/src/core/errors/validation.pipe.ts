import { ErrorCode, type FieldError } from '@fasto/contracts';
import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type PipeTransform,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const INVALID_UNICODE_MESSAGE = 'Validation failed: text must be valid Unicode';

/** The 400 body for class-validator's errors: every field that failed, the first message as the headline. */
export function validationFailure(errors: ValidationError[]): { code: ErrorCode; message: string; details: FieldError[] } {
  const details = flatten(errors);
  return { code: ErrorCode.ValidationFailed, message: `Validation failed: ${details[0]?.messages[0] ?? 'Invalid request'}`, details };
}

/** Nest's pipe, refusing text that is not valid Unicode instead of crashing on it. */
class UnicodeSafeValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidationPipeOptions): Promise<ValidationError[]> {
    try {
      return await super.validate(object, options);
    } catch (error) {
      // validator.js calls encodeURI, which throws on a lone UTF-16 surrogate ("\ud800"): bad input, not a crash.
      if (error instanceof URIError) throw new BadRequestException({ code: ErrorCode.ValidationFailed, message: INVALID_UNICODE_MESSAGE });
      throw error;
    }
  }
}

/** The global pipe: Nest's validation plus a refusal it lacks (a JSON `null` body). */
class StrictValidationPipe implements PipeTransform {
  constructor(private readonly validation: ValidationPipe) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    // @CurrentUser() and friends carry what the guards verified, never client input: handed over
    // as they are, without the two promises Nest's pipe spends on deciding not to validate them.
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body') {
      // Nest turns a `null` body into `{}`, which would let `PATCH` with `null` succeed as a no-op.
      if (value === null && metadata.metatype && metadata.metatype !== Object) {
        throw new BadRequestException({ code: ErrorCode.ValidationFailed, message: 'Validation failed: the body must be a JSON object' });
      }
    }
    return this.validation.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused (not silently dropped) so that `tenantId`, `role` or `passwordHash`
 * can never be mass-assigned; the answer lists every field that failed.
 */
export function createValidationPipe(): PipeTransform {
  return new StrictValidationPipe(
    new UnicodeSafeValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => new BadRequestException(validationFailure(errors)),
    }),
  );
}

import type { FieldError } from '@fasto/contracts';
import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Nest's pipe plus two refusals it lacks: a JSON `null` body and text that is not valid Unicode. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Nest turns a `null` body into `{}`, which would let `PATCH` with `null` succeed as a no-op.
    if (metadata.type === 'body' && value === null && metadata.metatype && metadata.metatype !== Object) {
      throw new BadRequestException({ message: 'Validation failed: the body must be a JSON object' });
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidationPipeOptions): Promise<ValidationError[]> {
    try {
      return await super.validate(object, options);
    } catch (error) {
      // validator.js calls encodeURI, which throws on a lone UTF-16 surrogate ("\ud800"): bad input, not a crash.
      if (error instanceof URIError) throw new BadRequestException({ message: 'Validation failed: text must be valid Unicode' });
      throw error;
    }
  }
}

/**
 * Unknown fields are refused (not silently dropped) so that `tenantId`, `role` or `passwordHash`
 * can never be mass-assigned; the answer lists every field that failed.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
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

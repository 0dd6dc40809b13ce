import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 with the `Retry-After` header (seconds) set by the exception filter. */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ message, details: { retryAfterSeconds } }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

import { ErrorCode } from '@fasto/contracts';
import { BadRequestException, ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { apiError } from './api-error';
import { toErrorResponse } from './error-response';

describe('toErrorResponse', () => {
  it('keeps HTTP exceptions as they are, in the one error shape', () => {
    expect(toErrorResponse(new NotFoundException('Team not found')).body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      error: 'Team not found',
      message: 'Team not found',
    });
    expect(toErrorResponse(new ForbiddenException()).body).toEqual({ statusCode: 403, code: 'FORBIDDEN', error: 'Forbidden', message: 'Forbidden' });
    expect(toErrorResponse(new BadRequestException({ message: 'Validation failed', details: [{ field: 'x', messages: ['bad'] }] })).body).toEqual({
      statusCode: 400,
      code: 'BAD_REQUEST',
      error: 'Validation failed',
      message: 'Validation failed',
      details: [{ field: 'x', messages: ['bad'] }],
    });
  });

  it('carries a specific code, and the human reason in `error` where n8n shows it', () => {
    const thrown = new ConflictException(apiError(ErrorCode.EmailTaken, 'A user with this email already exists', [{ field: 'email', messages: ['taken'] }]));
    expect(toErrorResponse(thrown).body).toEqual({
      statusCode: 409,
      code: 'EMAIL_TAKEN',
      error: 'A user with this email already exists',
      message: 'A user with this email already exists',
      details: [{ field: 'email', messages: ['taken'] }],
    });
  });

  it('never leaks SQL, driver messages or stacks from an unexpected error', () => {
    const error = new QueryFailedError('SELECT password_hash FROM users WHERE id = ?', ['1'], new Error("ER_NO_SUCH_TABLE: Table 'fasto.users' doesn't exist"));
    const response = toErrorResponse(error);
    expect(response).toEqual({
      status: 500,
      unexpected: true,
      body: { statusCode: 500, code: 'INTERNAL_ERROR', error: 'Internal server error', message: 'Internal server error' },
    });
  });

  it('answers 503 when the database cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    expect(toErrorResponse(new QueryFailedError('SELECT 1', [], refused)).status).toBe(503);
    expect(toErrorResponse(Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' })).body.message).not.toMatch(/Connection lost/);
  });

  it('maps Fastify client errors by their status and replaces their wording', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    expect(toErrorResponse(tooLarge).body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      error: 'Request body is too large',
      message: 'Request body is too large',
    });
    const serverSide = Object.assign(new Error('internal detail'), { statusCode: 500 });
    expect(toErrorResponse(serverSide).body.message).toBe('Internal server error');
  });
});

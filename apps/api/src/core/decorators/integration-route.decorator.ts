import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { INTEGRATION_ROUTE_KEY } from '../access/access-metadata';

/** A route for n8n: tenant API keys only (user tokens are refused here, and keys everywhere else). */
export const IntegrationRoute = () =>
  applyDecorators(
    SetMetadata(INTEGRATION_ROUTE_KEY, true),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked API key' }),
  );

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, HEADERS, REFRESH_COOKIE_NAME } from '@fasto/contracts';
import { documentedBodies } from '../validation/json-body';
import { addDerivedAnswers } from './openapi-answers';
import { DERIVED_ANSWERS } from './openapi-answers.generated';

/**
 * `IntegrationController.ingest` → `integrationIngest`: unique (one controller per resource) and
 * readable as a generated client's method name. A route may still name itself with `operationId`.
 */
export const operationIdOf = (controllerKey: string, methodKey: string): string => {
  const resource = controllerKey.replace(/Controller$/, '');
  return `${resource.charAt(0).toLowerCase()}${resource.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
};

/** OpenAPI description at /api/docs (UI) and /api/docs-json (for n8n and client generators). */
export function setupOpenApi(app: NestFastifyApplication, publicUrl: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fasto API')
      .setDescription('Commercial team management: attendances, KPIs, organization and the n8n integration.')
      .setVersion('1.0')
      .addServer(publicUrl, 'This Fasto instance')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'access-token')
      .addApiKey({ type: 'apiKey', in: 'header', name: HEADERS.apiKey }, 'api-key')
      .addApiKey({ type: 'apiKey', in: 'header', name: HEADERS.tvToken }, 'tv-token')
      .addCookieAuth(REFRESH_COOKIE_NAME, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE_NAME }, 'cookie')
      .build(),
    { operationIdFactory: operationIdOf },
  );
  // Bodies validated by a JSON schema (core/validation/json-body.ts) are documented by that same schema.
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(documentedBodies() as Record<string, object>) } };
  // Every route's success answer, derived from what its method returns (openapi-answers.ts).
  addDerivedAnswers(document, DERIVED_ANSWERS);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    yamlDocumentUrl: `${API_PREFIX}/docs-yaml`,
  });
}

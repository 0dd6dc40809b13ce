import type { OpenAPIObject, ResponseObject, SchemaObject } from '@nestjs/swagger';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** A JSON schema as the OpenAPI 3.0 document writes it. */
export type JsonSchema = Record<string, unknown>;

/** What one route answers on success: its status, and the schema of its JSON body (none for an empty answer). */
export interface DerivedAnswer {
  status: number;
  schema?: JsonSchema;
}

/** openapi-answers.generated.ts: every route's answer, derived from the controllers' return types (the shared contracts). */
export interface DerivedAnswers {
  /** By operation id (operationIdOf in openapi.ts). */
  operations: Record<string, DerivedAnswer>;
  /** The contracts the answers name, as components. */
  schemas: Record<string, JsonSchema>;
}

/** A non-JSON answer (a file, an event stream): its media types, each a string body. */
export const fileContent = (...mediaTypes: string[]) =>
  Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));

/**
 * Gives every operation its success answer: the derived status and JSON schema, unless a route
 * already describes its 2xx body (the integration routes, with examples and headers); a
 * description or examples it declared for that status stay.
 */
export function addDerivedAnswers(document: OpenAPIObject, derived: DerivedAnswers): void {
  document.components = { ...document.components, schemas: { ...(derived.schemas as Record<string, SchemaObject>), ...document.components?.schemas } };
  for (const item of Object.values(document.paths)) {
    for (const operation of METHODS.map((method) => item[method])) {
      const answer = operation?.operationId ? derived.operations[operation.operationId] : undefined;
      if (!operation || !answer) continue;
      const responses = operation.responses as Record<string, ResponseObject>;
      const described = Object.entries(responses).some(([status, response]) => status.startsWith('2') && Object.values(response.content ?? {}).some((media) => media.schema));
      if (described) continue;
      const declared: Partial<ResponseObject> = responses[String(answer.status)] ?? {};
      const json = declared.content?.['application/json'] ?? {};
      responses[String(answer.status)] = {
        ...declared,
        description: declared.description ?? (answer.schema ? 'Success' : 'Done; no body'),
        ...(answer.schema ? { content: { ...declared.content, 'application/json': { ...json, schema: answer.schema as SchemaObject } } } : {}),
      };
    }
  }
}

import { join, sep } from 'node:path';
import * as ts from 'typescript';
import { operationIdOf } from '../../src/core/http/openapi';
import type { DerivedAnswer, DerivedAnswers, JsonSchema } from '../../src/core/http/openapi-answers';

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
const CONTRACTS = `${sep}libs${sep}contracts${sep}`;

/**
 * Reads what every controller method returns (its declared type, unwrapped from the Promise) and
 * writes it as JSON schemas: the interfaces of libs/contracts stay the one source of the answers'
 * shapes, and the OpenAPI document gets a schema per route without a hand-written DTO per
 * contract. Run by openapi-answers.spec.ts, which fails when the committed output is stale.
 * A method whose answer is not a contract (a file stream, a raw reply) is left out: its route
 * declares its answer itself.
 */
export function deriveAnswers(apiRoot: string): DerivedAnswers {
  const configPath = join(apiRoot, 'tsconfig.app.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error(`Cannot read ${configPath}`);
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const schemas: Record<string, JsonSchema> = {};
  const operations: Record<string, DerivedAnswer> = {};

  const fromContracts = (symbol: ts.Symbol | undefined) => Boolean(symbol?.declarations?.some((node) => node.getSourceFile().fileName.includes(CONTRACTS)));

  const componentName = (type: ts.Type): string | null => {
    const alias = type.aliasSymbol;
    const symbol = alias ?? type.getSymbol();
    if (!symbol || !fromContracts(symbol) || symbol.flags & ts.SymbolFlags.TypeLiteral) return null;
    const args = alias ? (type.aliasTypeArguments ?? []) : checker.getTypeArguments(type as ts.TypeReference);
    const names = args.map((arg) => componentName(arg) ?? checker.typeToString(arg).replace(/[^A-Za-z0-9]/g, ''));
    return `${symbol.getName()}${names.length ? `Of${names.join('And')}` : ''}`;
  };

  const objectSchema = (type: ts.Type): JsonSchema => {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getDeclaredTypeOfSymbol(property);
      const optional = Boolean(property.flags & ts.SymbolFlags.Optional);
      properties[property.getName()] = schemaOf(optional ? checker.getNonNullableType(propertyType) : propertyType);
      if (!optional) required.push(property.getName());
    }
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    return {
      type: 'object',
      ...(Object.keys(properties).length ? { properties } : {}),
      ...(required.length ? { required } : {}),
      ...(index ? { additionalProperties: schemaOf(index.type) } : {}),
    };
  };

  const unionSchema = (type: ts.UnionType): JsonSchema => {
    // `undefined` is no body (a 304) or an absent field (optional): only `null` is a JSON value.
    const members = type.types.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const nullable = type.types.some((member) => member.flags & ts.TypeFlags.Null) ? { nullable: true } : {};
    const booleans = members.filter((member) => member.flags & ts.TypeFlags.BooleanLiteral);
    const rest = members.filter((member) => !(member.flags & ts.TypeFlags.BooleanLiteral));
    const parts = [...(booleans.length ? [{ type: 'boolean' }] : []), ...rest.map((member) => schemaOf(member))];
    const literals = rest.length > 0 && rest.every((member) => member.isStringLiteral() || member.isNumberLiteral());
    if (literals && !booleans.length) {
      return { type: rest[0].isStringLiteral() ? 'string' : 'number', enum: rest.map((member) => (member as ts.LiteralType).value), ...nullable };
    }
    if (parts.length === 1) return withNullable(parts[0], nullable);
    return { oneOf: parts, ...nullable };
  };

  const schemaOf = (type: ts.Type): JsonSchema => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isUnion()) return unionSchema(type);
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Null) return { nullable: true };
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [item] = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: item ? schemaOf(item) : {} };
    }
    if (type.isIntersection()) return { allOf: type.types.map((member) => schemaOf(member)) };
    if (type.getSymbol()?.getName() === 'Date') return { type: 'string', format: 'date-time' };
    const name = componentName(type);
    if (!name) return objectSchema(type);
    if (!(name in schemas)) {
      schemas[name] = {};
      schemas[name] = objectSchema(type);
    }
    return { $ref: `#/components/schemas/${name}` };
  };

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.endsWith('.controller.ts') || file.fileName.includes(`${sep}node_modules${sep}`)) continue;
    for (const statement of file.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name || !decoratorNamed(statement, 'Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const verb = [...HTTP_METHODS].find((method) => decoratorNamed(member, method));
        if (!verb || member.parameters.some((parameter) => writesTheReply(parameter))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = signature.getReturnType();
        const answer = checker.getAwaitedType(returned) ?? returned;
        const status = statusOf(checker, member) ?? (verb === 'Post' ? 201 : 200);
        const id = operationIdOf(statement.name.text, member.name.text);
        if (answer.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) {
          operations[id] = { status };
          continue;
        }
        // A class that is not a contract (StreamableFile): the route documents its own answer.
        if (answer.isClass() && !fromContracts(answer.getSymbol())) continue;
        operations[id] = { status, schema: schemaOf(answer) };
      }
    }
  }
  return { operations: sortKeys(operations), schemas: sortKeys(schemas) };
}

const withNullable = (schema: JsonSchema, nullable: object): JsonSchema =>
  !('nullable' in nullable) ? schema : '$ref' in schema ? { allOf: [schema], ...nullable } : { ...schema, ...nullable };

function decoratorNamed(node: ts.Node, name: string): ts.Decorator | undefined {
  const decorators = ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : [];
  return decorators.find((decorator) => {
    const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    return ts.isIdentifier(expression) && expression.text === name;
  });
}

/** `@Res()` without `passthrough`: the method writes the reply itself, so what it returns is not the answer. */
function writesTheReply(parameter: ts.ParameterDeclaration): boolean {
  const decorator = decoratorNamed(parameter, 'Res');
  return Boolean(decorator) && !/passthrough:\s*true/.test(decorator!.getText());
}

/** The status of `@HttpCode(...)`: a number or an `HttpStatus` member. */
function statusOf(checker: ts.TypeChecker, method: ts.MethodDeclaration): number | undefined {
  const decorator = decoratorNamed(method, 'HttpCode');
  if (!decorator || !ts.isCallExpression(decorator.expression)) return undefined;
  const [argument] = decorator.expression.arguments;
  const type = checker.getTypeAtLocation(argument);
  if (type.isNumberLiteral()) return type.value;
  throw new Error(`@HttpCode(${argument.getText()}) of ${method.name.getText()}: use a number or an HttpStatus member`);
}

const sortKeys = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

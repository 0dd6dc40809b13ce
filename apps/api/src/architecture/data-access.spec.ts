import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..');
const ALLOW_LIST = join(__dirname, 'data-access-allow-list.txt');

/**
 * Where the DataSource/EntityManager may be held: the database core, repositories, and
 * core/tenancy/tenant-table.ts, the tenant-scoped table every repository writes through (it is
 * the data layer, in core/tenancy because it reads the tenant from TenantContext).
 */
const ALLOWED = [/^core\/database\//, /\.repository\.ts$/, /^core\/tenancy\/tenant-table\.ts$/];

/** Imports `DataSource`/`EntityManager` from TypeORM or injects one through @nestjs/typeorm. */
const HOLDS_DATABASE = [/import\s+(?:type\s+)?\{[^}]*\b(?:DataSource|EntityManager)\b[^}]*\}\s+from\s+'typeorm'/, /@Inject(?:DataSource|EntityManager)\(/];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const allowList = () =>
  readFileSync(ALLOW_LIST, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

export function filesHoldingTheDatabase(): string[] {
  return sources(SRC)
    .map((path) => relative(SRC, path).split('\\').join('/'))
    .filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))
    .filter((file) => HOLDS_DATABASE.some((pattern) => pattern.test(readFileSync(join(SRC, file), 'utf8'))))
    .sort();
}

describe('data access (only core/database and repositories hold the DataSource)', () => {
  it('finds no file outside core/database and repositories that imports or injects DataSource/EntityManager, beyond the allow-list', () => {
    const allowed = new Set(allowList());
    expect(filesHoldingTheDatabase().filter((file) => !allowed.has(file))).toEqual([]);
  });

  it('lists only files that still hold it (a port removes its file from the allow-list)', () => {
    const holding = new Set(filesHoldingTheDatabase());
    expect(allowList().filter((file) => !holding.has(file))).toEqual([]);
  });

  it('recognises an injected DataSource and a typed EntityManager import', () => {
    expect(HOLDS_DATABASE.some((pattern) => pattern.test("import { Equal, type DataSource } from 'typeorm';"))).toBe(true);
    expect(HOLDS_DATABASE.some((pattern) => pattern.test('constructor(@InjectDataSource() private readonly db: X) {}'))).toBe(true);
    expect(HOLDS_DATABASE.some((pattern) => pattern.test("import { Equal, In } from 'typeorm';"))).toBe(false);
  });
});

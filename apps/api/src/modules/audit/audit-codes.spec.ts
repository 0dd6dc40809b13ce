import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@fasto/contracts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The web client names every audit action and object from the lists in libs/contracts
 * (apps/web/src/app/core/i18n/audit-text.spec.ts checks both languages). This reads the API's
 * sources for every code it can record, so a new one cannot reach the log unnamed.
 */
const SOURCES = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const CODE = /^[a-z_]+\.[a-z_]+$/;

/** Codes written as `action: '…'`, passed to a module's `record(…, 'x.y', …)` helper, or built as `` `x.${…}` ``. */
function recordedActions(source: string): string[] {
  const codes: string[] = [];
  for (const match of source.matchAll(/\baction: '([a-z_.]+)'/g)) if (CODE.test(match[1])) codes.push(match[1]);
  for (const match of source.matchAll(/this\.record\(\s*\w+,\s*\w+,\s*'([a-z_.]+)'/g)) if (CODE.test(match[1])) codes.push(match[1]);
  for (const match of source.matchAll(/action: `([a-z_]+)\.\$\{([^}]*)\}`/g))
    for (const verb of match[2].matchAll(/'([a-z_]+)'/g)) if (!match[2].includes(`=== '${verb[1]}'`)) codes.push(`${match[1]}.${verb[1]}`);
  return codes;
}

const RECORDED_ENTITIES = /\bentity: '([a-z_]+)'/g;

describe('audit codes', () => {
  const files = sourceFiles(SOURCES);
  const read = (path: string) => readFileSync(path, 'utf8');

  it('lists every action the API records', () => {
    const found = files.flatMap((path) => recordedActions(read(path)).map((code) => ({ code, file: relative(SOURCES, path) })));
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter(({ code }) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
  });

  it('lists every catalog action (funnels and origins record `<entity>.<verb>`)', () => {
    const catalog = read(join(SOURCES, 'modules/catalog/catalog.service.ts'));
    const verbs = (side: 'group' | 'item') =>
      [...catalog.matchAll(new RegExp(`this\\.record\\(\\s*\\w+,\\s*'([a-z_]+)',\\s*this\\.definition\\.${side}EntityName`, 'g'))].map((match) => match[1]);
    const entities = (side: 'group' | 'item') =>
      ['funnels/funnels.repository.ts', 'origins/origins.repository.ts'].map(
        (file) => read(join(SOURCES, 'modules', file)).match(new RegExp(`${side}EntityName: '([a-z_]+)'`))?.[1],
      );
    const codes = (['group', 'item'] as const).flatMap((side) => entities(side).flatMap((entity) => verbs(side).map((verb) => `${entity}.${verb}`)));
    expect(codes).toEqual(expect.arrayContaining(['funnel.reordered', 'funnel_stage.updated', 'origin_item.deleted']));
    expect(codes.filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
  });

  it('lists every object an entry can be about', () => {
    const entities = files.flatMap((path) => [...read(path).matchAll(RECORDED_ENTITIES)].map((match) => match[1]));
    const actionEntities = AUDIT_ACTIONS.map((action) => action.split('.')[0]).filter((prefix) => prefix !== 'auth' && prefix !== 'impersonation');
    expect([...entities, ...actionEntities].filter((entity) => !(AUDIT_ENTITIES as readonly string[]).includes(entity))).toEqual([]);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AttendanceChannel, DIGEST_FREQUENCIES, NotificationType, Role, TenantStatus, WEBHOOK_EVENTS, TENANT_PLANS } from '@fasto/contracts';
import { defineMessages } from './define-messages';
import { KEY_FAMILIES } from './key-families';
import { EN, MESSAGE_SETS, PT } from './messages';

const APP = join(__dirname, '..', '..');
type Area = keyof typeof MESSAGE_SETS;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !/\.(spec|messages)\.ts$/.test(name) ? [path] : [];
  });

const owner = new Map<string, Area>();
for (const [area, set] of Object.entries(MESSAGE_SETS)) for (const key of Object.keys(set.pt)) owner.set(key, area as Area);

/** The feature folder a file lives in, or `shared` for core, layout and the other app-wide folders. */
const areaOf = (file: string): string => {
  const parts = relative(APP, file).split(sep);
  return parts[0] === 'features' ? parts[1] : 'shared';
};

/** Quoted strings that are keys, and the prefixes of keys built in template literals (`role.${…}`). */
function keysIn(text: string): { literals: string[]; prefixes: string[] } {
  const literals = [...text.matchAll(/(['"])([a-z]+\.[\w.]+)\1/g)].map((match) => match[2]).filter((key) => owner.has(key));
  const prefixes = [...text.matchAll(/`([a-z]+\.[\w.]*)\$\{/g)].map((match) => match[1]);
  return { literals, prefixes };
}

const files = sourceFiles(APP).map((file) => ({ file: relative(APP, file), area: areaOf(file), ...keysIn(readFileSync(file, 'utf8')) }));
const familyOf = (prefix: string) => KEY_FAMILIES.find((family) => family.prefix === prefix);
const expanded = KEY_FAMILIES.flatMap((family) => family.values.map((value) => family.prefix + value));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[},]/g)].map((match) => match[1]).sort();

describe('messages', () => {
  it.each(Object.entries(MESSAGE_SETS))('%s: both languages have the same keys, every text filled, the same placeholders', (_, set) => {
    expect(Object.keys(set.en).sort()).toEqual(Object.keys(set.pt).sort());
    for (const [key, pt] of Object.entries<string>(set.pt)) {
      const en = (set.en as Record<string, string>)[key];
      expect({ key, pt: /\S/.test(pt), en: /\S/.test(en) }).toEqual({ key, pt: true, en: true });
      expect({ key, placeholders: placeholders(en) }).toEqual({ key, placeholders: placeholders(pt) });
    }
  });

  it('keeps each key in one area', () => {
    const total = Object.values(MESSAGE_SETS).reduce((sum, set) => sum + Object.keys(set.pt).length, 0);
    expect(owner.size).toBe(total);
    expect(Object.keys(EN).sort()).toEqual(Object.keys(PT).sort());
  });

  it('a feature uses only its own keys and the shared ones', () => {
    const borrowed = files.flatMap(({ file, area, literals, prefixes }) => [
      ...literals.filter((key) => owner.get(key) !== 'shared' && owner.get(key) !== area).map((key) => `${file}: ${key} (${owner.get(key)})`),
      ...prefixes
        .filter((prefix) => familyOf(prefix)?.values.some((value) => ![area, 'shared'].includes(owner.get(prefix + value) ?? '')))
        .map((prefix) => `${file}: ${prefix}… (another area)`),
    ]);
    expect(borrowed).toEqual([]);
  });

  it('builds keys only from declared families, whose every value has a text in both languages', () => {
    const undeclared = files.flatMap(({ file, prefixes }) => prefixes.filter((prefix) => !familyOf(prefix)).map((prefix) => `${file}: ${prefix}`));
    expect(undeclared).toEqual([]);
    const missing = expanded.filter((key) => !(key in PT) || !(key in EN));
    expect(missing).toEqual([]);
  });

  // Audit actions and entities: audit-text.spec.ts; error codes: error-text.spec.ts.
  it.each([
    ['role.', Object.values(Role)],
    ['channel.', Object.values(AttendanceChannel)],
    ['tenant.status.', Object.values(TenantStatus)],
    ['plan.', TENANT_PLANS],
    ['notif.kind.', Object.values(NotificationType)],
    ['webhook.event.', WEBHOOK_EVENTS],
    ['profile.digest.', DIGEST_FREQUENCIES],
  ] as const)('names every %s value the API sends (contracts list), in both languages', (prefix, values) => {
    expect(familyOf(prefix)?.values).toEqual(expect.arrayContaining([...values]));
    for (const value of values) {
      const key = `${prefix}${value}` as keyof typeof PT;
      expect({ key, pt: /\S/.test(PT[key] ?? ''), en: /\S/.test(EN[key] ?? '') }).toEqual({ key, pt: true, en: true });
    }
  });

  it('has no unused key', () => {
    const used = new Set([...files.flatMap(({ literals }) => literals), ...expanded]);
    const usedFamilies = new Set(files.flatMap(({ prefixes }) => prefixes));
    const unusedFamilies = KEY_FAMILIES.filter((family) => !usedFamilies.has(family.prefix)).map((family) => family.prefix);
    expect(unusedFamilies).toEqual([]);
    expect([...owner.keys()].filter((key) => !used.has(key))).toEqual([]);
  });

  it('rejects an English map that misses or adds a key (a type error)', () => {
    // @ts-expect-error `en` lacks `b`
    defineMessages({ a: 'A', b: 'B' }, { a: 'A' });
    // @ts-expect-error `en` has a key `pt` does not
    defineMessages({ a: 'A' }, { a: 'A', c: 'C' });
    expect(defineMessages({ a: 'A' }, { a: 'A' }).en.a).toBe('A');
  });
});

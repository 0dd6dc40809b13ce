import { formatInteger } from '../format/format';
import type { Language } from './i18n.service';

export type MessageParams = Readonly<Record<string, string | number>>;

const rules = new Map<Language, Intl.PluralRules>();
/** The language's plural category of a count ("one", "other"…), from the CLDR rules the browser ships. */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return rule.select(count);
}

// `{n, plural, =0 {…} one {# item} other {# itens}}`: a branch may hold plain `{name}` placeholders.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

function choose(language: Language, branches: string, count: number): string {
  const options = new Map([...branches.matchAll(BRANCH)].map((match) => [match[1], match[2]]));
  const text = options.get(`=${count}`) ?? options.get(pluralCategory(language, count)) ?? options.get('other') ?? '';
  return text.replace(/#/g, formatInteger(count));
}

/** A message with its `{name}` placeholders filled and its ICU-style plural blocks chosen by count. */
export function interpolate(language: Language, text: string, params?: MessageParams): string {
  if (!params) return text;
  const counted = text.replace(PLURAL, (match, name: string, branches: string) => {
    const count = Number(params[name]);
    return name in params && Number.isFinite(count) ? choose(language, branches, count) : match;
  });
  return counted.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** One area's texts: the English map must have exactly the Portuguese map's keys. */
export interface MessageSet<K extends string> {
  readonly pt: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** A key missing from `en`, or one `pt` does not have, is a type error (object literals allow no extra keys). */
export function defineMessages<const P extends Record<string, string>>(pt: P, en: { readonly [K in keyof P]: string }): MessageSet<Extract<keyof P, string>> {
  return { pt, en };
}

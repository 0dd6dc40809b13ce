import type { CatalogItemView } from '@fasto/contracts';

/** The ids in their new order after a drag from one index to another (the list itself is left alone). */
export function movedIds(entries: readonly CatalogItemView[], from: number, to: number): string[] {
  const ids = entries.map((entry) => entry.id);
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return ids;
  const [moved] = ids.splice(from, 1);
  ids.splice(to, 0, moved);
  return ids;
}

/** A rename worth sending: trimmed, not empty, different. */
export function renamed(before: string, typed: string): string | null {
  const name = typed.trim();
  return name && name !== before ? name : null;
}

/** A color for the next entry: the first palette hue not used yet, at the 500 shade. */
export function nextColor(used: readonly string[], hues: readonly string[]): string {
  const free = hues.find((hue) => !used.some((color) => color.startsWith(`bg-${hue}-`)));
  return `bg-${free ?? hues[0]}-500`;
}

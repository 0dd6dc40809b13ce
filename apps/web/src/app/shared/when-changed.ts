import { effect, untracked, type EffectRef } from '@angular/core';

/**
 * Runs `run` with the source's value at start and each time that value changes, and only then: what
 * `run` reads is not tracked, so a page that loads by its route input reloads for a new id, never
 * because the state it sets while loading moved. Call in an injection context.
 */
export function whenChanged<T>(source: () => T, run: (value: T) => void): EffectRef {
  return effect(() => {
    const value = source();
    untracked(() => run(value));
  });
}

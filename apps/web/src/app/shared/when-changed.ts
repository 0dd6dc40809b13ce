import { effect, untracked, type EffectRef } from '@angular/core';
import type { Unsubscribable } from 'rxjs';

/**
 * Runs `run` with the source's value at start and each time that value changes, and only then: what
 * `run` reads is not tracked, so a page that loads by its route input reloads for a new id, never
 * because the state it sets while loading moved. The request `run` returns is cancelled when the value
 * changes again and when the component ends, so tenant A's slower answer never lands on tenant B.
 * Call in an injection context.
 */
export function whenChanged<T>(source: () => T, run: (value: T) => Unsubscribable | void): EffectRef {
  return effect((onCleanup) => {
    const value = source();
    const request = untracked(() => run(value));
    if (request) onCleanup(() => request.unsubscribe());
  });
}

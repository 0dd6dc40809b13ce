import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { whenChanged } from './when-changed';

describe('whenChanged', () => {
  it('runs at start and for each new value, not when a signal read inside moves', () => {
    const id = signal('a');
    const loads = signal(0);
    const seen: string[] = [];
    TestBed.runInInjectionContext(() =>
      whenChanged(id, (value) => {
        seen.push(`${value}:${loads()}`);
        loads.update((n) => n + 1);
      }),
    );
    TestBed.tick();
    loads.set(10);
    TestBed.tick();
    id.set('b');
    TestBed.tick();
    expect(seen).toEqual(['a:0', 'b:10']);
  });
});

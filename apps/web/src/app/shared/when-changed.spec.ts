import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
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

describe('whenChanged cancels the request it started', () => {
  @Component({ selector: 'app-loads-by-id', template: '' })
  class LoadsById {
    readonly id = signal('a');
    readonly shown = signal<string | null>(null);
    readonly answers = new Map<string, Subject<string>>();

    constructor() {
      whenChanged(this.id, (id) => {
        const answer = new Subject<string>();
        this.answers.set(id, answer);
        return answer.subscribe((value) => this.shown.set(value));
      });
    }
  }

  it('drops a slower answer for the previous value: the latest request wins', () => {
    const page = TestBed.createComponent(LoadsById).componentInstance;
    TestBed.tick();
    page.id.set('b');
    TestBed.tick();
    page.answers.get('b')?.next('B');
    page.answers.get('a')?.next('A');
    expect(page.shown()).toBe('B');
  });

  it('ends the request in flight with its component', () => {
    const fixture = TestBed.createComponent(LoadsById);
    TestBed.tick();
    const answer = fixture.componentInstance.answers.get('a');
    expect(answer?.observed).toBe(true);
    fixture.destroy();
    expect(answer?.observed).toBe(false);
  });
});

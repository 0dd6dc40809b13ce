import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { keysetList, type KeysetPage } from './keyset-list';

interface Call {
  filter: string;
  cursor: string | undefined;
  answer: Subject<KeysetPage<string>>;
}

@Component({ template: '' })
class Host {
  readonly filter = signal('a');
  readonly calls: Call[] = [];
  readonly list = keysetList({
    filters: this.filter,
    fetch: (filter: string, cursor: string | undefined) => {
      const answer = new Subject<KeysetPage<string>>();
      this.calls.push({ filter, cursor, answer });
      return answer;
    },
  });
}

function setup() {
  const fixture = TestBed.createComponent(Host);
  fixture.detectChanges();
  return { fixture, host: fixture.componentInstance };
}

describe('keysetList', () => {
  it('shows the rows of the latest filter when an older answer comes last', () => {
    const { fixture, host } = setup();
    host.filter.set('b');
    fixture.detectChanges();
    const [first, second] = host.calls;
    second.answer.next({ items: ['b1'], nextCursor: null });
    first.answer.next({ items: ['a1'], nextCursor: null });
    expect(host.list.items()).toEqual(['b1']);
    expect(first.answer.observed).toBe(false);
  });

  it('appends the next page and keeps the rows when "load more" fails', () => {
    const { host } = setup();
    host.calls[0].answer.next({ items: ['a1'], nextCursor: 'c1' });
    host.list.loadMore();
    expect(host.list.state()).toBe('more');
    host.calls[1].answer.next({ items: ['a2'], nextCursor: 'c2' });
    expect(host.list.items()).toEqual(['a1', 'a2']);
    host.list.loadMore();
    expect(host.calls[2].cursor).toBe('c2');
    host.calls[2].answer.error(new Error('offline'));
    expect(host.list.items()).toEqual(['a1', 'a2']);
    expect(host.list.state()).toBe('ready');
  });

  it('says error when the first page fails', () => {
    const { host } = setup();
    host.calls[0].answer.error(new Error('offline'));
    expect(host.list.state()).toBe('error');
  });

  it('drops the request on its way when the component goes', () => {
    const { fixture, host } = setup();
    fixture.destroy();
    expect(host.calls[0].answer.observed).toBe(false);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { KeysetList, ListState } from '../keyset-list/keyset-list';
import type { DataColumn } from './data-column';
import { DataTable } from './data-table';
import { DataCell } from './data-table-templates';

interface Row {
  id: string;
  name: string;
}

function fixedList(rows: Row[], state: ListState = 'ready'): KeysetList<Row> {
  return {
    items: signal(rows),
    state: signal(state),
    hasMore: signal(false),
    loadMore: () => undefined,
    reload: () => undefined,
    update: () => undefined,
  };
}

const ROWS: Row[] = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Bruno' },
];

@Component({
  imports: [DataTable, DataCell],
  template: `
    <ui-data-table testId="member" [list]="list()" [columns]="columns" [texts]="texts">
      <ng-template uiCell="name" [uiCellOf]="list().items()" let-row>{{ row.name }}</ng-template>
    </ui-data-table>
    <ui-data-table testId="key" [list]="list()" [columns]="columns" [texts]="texts" [openId]="open()" (rowClick)="clicks.push($event.id)">
      <ng-template uiCell="name" [uiCellOf]="list().items()" let-row>{{ row.name }}</ng-template>
    </ui-data-table>
  `,
})
class Host {
  readonly list = signal(fixedList(ROWS));
  readonly open = signal<string | null>(null);
  readonly columns: DataColumn<Row>[] = [{ key: 'name', label: 'Nome' }];
  readonly texts = { empty: 'Ninguém aqui.', error: 'Não foi possível carregar.' };
  readonly clicks: string[] = [];
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, host: fixture.componentInstance, root: fixture.nativeElement as HTMLElement };
}

const rowsOf = (root: HTMLElement, testId: string) => Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${testId}-row"]`));

describe('DataTable', () => {
  it('names the table, its rows, its empty and its error message after what one row is', async () => {
    const { fixture, host, root } = await setup();
    expect(root.querySelector('[data-testid="member-table"]')?.tagName).toBe('TABLE');
    expect(rowsOf(root, 'member').map((row) => row.dataset['id'])).toEqual(['a', 'b']);

    host.list.set(fixedList([]));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="member-empty"]')?.textContent).toContain('Ninguém aqui.');

    host.list.set(fixedList([], 'error'));
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="member-error"]')?.textContent).toContain('Não foi possível carregar.');
  });

  it('makes rows clickable only where the page listens to their clicks, and marks the open one', async () => {
    const { fixture, host, root } = await setup();
    expect(rowsOf(root, 'member')[0].classList).not.toContain('cursor-pointer');

    const keys = rowsOf(root, 'key');
    expect(keys[1].classList).toContain('cursor-pointer');
    expect(keys.some((row) => row.hasAttribute('data-selected'))).toBe(false);
    keys[1].click();
    expect(host.clicks).toEqual(['b']);

    host.open.set('b');
    await fixture.whenStable();
    expect(rowsOf(root, 'key').map((row) => row.hasAttribute('data-selected'))).toEqual([false, true]);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CardList, CardTemplate } from './card-list';

interface Hook {
  id: string;
  url: string;
}

@Component({
  imports: [CardList, CardTemplate],
  template: `
    <ui-card-list
      testId="webhook"
      [items]="items()"
      [failed]="failed()"
      [texts]="{ empty: 'Nenhum webhook', error: 'Falhou' }"
      (retried)="retries = retries + 1"
    >
      <ng-template uiCard [uiCardOf]="items()" let-hook
        ><p class="url">{{ hook.url }}</p></ng-template
      >
    </ui-card-list>
  `,
})
class Host {
  readonly items = signal<Hook[] | null>(null);
  readonly failed = signal(false);
  retries = 0;
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root: HTMLElement = fixture.nativeElement;
  const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid=webhook-row]')];
  const settle = () => fixture.whenStable();
  return { host: fixture.componentInstance, root, rows, settle };
}

describe('CardList', () => {
  it('shows the skeleton until the first answer, then one card per item drawn by the page', async () => {
    const { host, root, rows, settle } = await setup();
    expect(root.querySelector('[aria-busy=true]')).not.toBeNull();
    host.items.set([
      { id: 'a', url: 'https://a' },
      { id: 'b', url: 'https://b' },
    ]);
    await settle();
    expect(root.querySelector('[aria-busy=true]')).toBeNull();
    expect(rows().map((row) => [row.tagName, row.dataset['id'], row.querySelector('.url')?.textContent])).toEqual([
      ['LI', 'a', 'https://a'],
      ['LI', 'b', 'https://b'],
    ]);
  });

  it('says so when there is nothing', async () => {
    const { host, root, rows, settle } = await setup();
    host.items.set([]);
    await settle();
    expect(rows()).toEqual([]);
    expect(root.querySelector('[data-testid=webhook-empty]')?.textContent?.trim()).toBe('Nenhum webhook');
  });

  it('replaces a list a failed reload may have left stale with the failure, and offers to load again', async () => {
    const { host, root, rows, settle } = await setup();
    host.items.set([{ id: 'a', url: 'https://a' }]);
    await settle();
    host.failed.set(true);
    await settle();
    expect(rows()).toEqual([]);
    const alert = root.querySelector<HTMLElement>('[role=alert]');
    expect(alert?.textContent).toContain('Falhou');
    alert?.querySelector('button')?.click();
    expect(host.retries).toBe(1);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { LoadState } from './load-state';

@Component({
  imports: [LoadState],
  template: `<ui-load-state
    [failed]="failed()"
    error="Não foi possível carregar os webhooks."
    shape="items"
    [retryable]="true"
    (retried)="retries = retries + 1"
  />`,
})
class Host {
  readonly failed = signal(false);
  retries = 0;
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, root: fixture.nativeElement as HTMLElement, host: fixture.componentInstance };
}

describe('LoadState', () => {
  it('shows a busy skeleton while the data loads', async () => {
    const { root } = await setup();
    expect(root.querySelector('[aria-busy=true]')?.querySelectorAll('.skeleton')).toHaveLength(2);
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('swaps the skeleton for an announced failure that can try again', async () => {
    const { fixture, root, host } = await setup();
    host.failed.set(true);
    await fixture.whenStable();
    expect(root.querySelector('[aria-busy]')).toBeNull();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Não foi possível carregar os webhooks.');
    (root.querySelector('[role=alert] button') as HTMLButtonElement).click();
    expect(host.retries).toBe(1);
  });
});

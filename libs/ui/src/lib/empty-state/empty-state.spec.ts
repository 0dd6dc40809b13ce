import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EmptyState } from './empty-state';

@Component({
  imports: [EmptyState],
  template: `<ui-empty-state
    message="Não foi possível carregar."
    testId="teams-error"
    [alert]="alert()"
    [retryable]="retryable()"
    (retried)="retries = retries + 1"
  />`,
})
class Host {
  readonly alert = signal(false);
  readonly retryable = signal(false);
  retries = 0;
}

async function setup(state: { alert: boolean; retryable: boolean }) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.alert.set(state.alert);
  fixture.componentInstance.retryable.set(state.retryable);
  await fixture.whenStable();
  return { host: fixture.componentInstance, box: fixture.nativeElement.querySelector('[data-testid=teams-error]') as HTMLElement };
}

describe('EmptyState', () => {
  it('says an empty result quietly, without a retry button', async () => {
    const { box } = await setup({ alert: false, retryable: false });
    expect(box.textContent?.trim()).toBe('Não foi possível carregar.');
    expect(box.getAttribute('role')).toBeNull();
    expect(box.querySelector('button')).toBeNull();
  });

  it('announces a failure and asks the page to load again when "try again" is pressed', async () => {
    const { box, host } = await setup({ alert: true, retryable: true });
    expect(box.getAttribute('role')).toBe('alert');
    const retry = box.querySelector('button') as HTMLButtonElement;
    expect(retry.textContent?.trim()).toBe('Tentar novamente');
    retry.click();
    expect(host.retries).toBe(1);
  });
});

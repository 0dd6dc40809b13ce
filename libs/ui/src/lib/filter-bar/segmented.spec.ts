import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Segmented } from './segmented';

@Component({
  imports: [Segmented],
  template: `<ui-segmented label="Período" [options]="options" [value]="value()" testIdPrefix="preset-" (changed)="value.set($event)" />`,
})
class Host {
  readonly options = [
    { value: 'today', label: 'Hoje' },
    { value: 'week', label: 'Semana' },
  ] as const;
  readonly value = signal<'today' | 'week'>('today');
}

/** The host drawn, its group element and each button as [text, aria-pressed, test id]. */
async function render() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const buttons = () => [...root.querySelectorAll('button')];
  const seen = () => buttons().map((button) => [button.textContent?.trim(), button.getAttribute('aria-pressed'), button.dataset['testid']]);
  return { fixture, group: root.querySelector('ui-segmented') as HTMLElement, buttons, seen };
}

describe('Segmented', () => {
  it('is a named group whose chosen option is pressed', async () => {
    const { group, seen } = await render();
    expect([group.getAttribute('role'), group.getAttribute('aria-label')]).toEqual(['group', 'Período']);
    expect(seen()).toEqual([
      ['Hoje', 'true', 'preset-today'],
      ['Semana', 'false', 'preset-week'],
    ]);
  });

  it('tells a new choice, which the page then presses', async () => {
    const { fixture, buttons, seen } = await render();
    buttons()[1].click();
    await fixture.whenStable();
    expect(fixture.componentInstance.value()).toBe('week');
    expect(seen().map(([, pressed]) => pressed)).toEqual(['false', 'true']);
  });
});

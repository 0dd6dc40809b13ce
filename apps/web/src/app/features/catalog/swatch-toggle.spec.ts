import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SwatchToggle } from './swatch-toggle';

@Component({
  imports: [SwatchToggle],
  template: `
    <button appSwatchToggle="a" color="bg-green-500" aria-label="Cor de Ana" [(picking)]="picking" data-testid="a"></button>
    <button appSwatchToggle="new" color="bg-nope-1" aria-label="Cor" [(picking)]="picking" data-testid="new"></button>
  `,
})
class Host {
  readonly picking = signal<string | null>(null);
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root: HTMLElement = fixture.nativeElement;
  const swatch = (testId: string) => root.querySelector<HTMLButtonElement>(`[data-testid=${testId}]`)!;
  const press = async (testId: string) => {
    swatch(testId).click();
    await fixture.whenStable();
  };
  return { host: fixture.componentInstance, swatch, press };
}

describe('SwatchToggle', () => {
  it('is a plain button showing its color', async () => {
    const { swatch } = await setup();
    expect(swatch('a').type).toBe('button');
    expect(swatch('a').style.background).toBe('rgb(0, 201, 80)');
  });

  it('opens its picker, closes it when pressed again, and only one picker of the page is open', async () => {
    const { host, swatch, press } = await setup();
    const expanded = () => [swatch('a').getAttribute('aria-expanded'), swatch('new').getAttribute('aria-expanded')];
    expect(expanded()).toEqual(['false', 'false']);
    await press('a');
    expect([host.picking(), ...expanded()]).toEqual(['a', 'true', 'false']);
    await press('new');
    expect([host.picking(), ...expanded()]).toEqual(['new', 'false', 'true']);
    await press('new');
    expect([host.picking(), ...expanded()]).toEqual([null, 'false', 'false']);
  });
});

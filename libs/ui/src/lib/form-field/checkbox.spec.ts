import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AmountInput } from './amount-input';
import { Checkbox } from './checkbox';

@Component({
  imports: [Checkbox, AmountInput],
  template: `
    <ui-checkbox name="converted" testId="edit-converted" [checked]="converted()" (changed)="converted.set($event)">Convertido</ui-checkbox>
    <input uiAmount class="w-32" id="sale" />
  `,
})
class Host {
  readonly converted = signal(true);
}

describe('Checkbox and AmountInput', () => {
  it('ticks from its text and tells the new state', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const box = root.querySelector('input[type=checkbox]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.name).toBe('converted');
    expect(box.getAttribute('data-testid')).toBe('edit-converted');
    expect(box.closest('label')?.textContent?.trim()).toBe('Convertido');
    (root.querySelector('label') as HTMLLabelElement).click();
    await fixture.whenStable();
    expect(fixture.componentInstance.converted()).toBe(false);
    expect(box.checked).toBe(false);
  });

  it('gives an amount input the decimal keypad, no autofill and aligned figures, keeping its own classes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const sale = (fixture.nativeElement as HTMLElement).querySelector('#sale') as HTMLInputElement;
    expect(sale.getAttribute('inputmode')).toBe('decimal');
    expect(sale.getAttribute('autocomplete')).toBe('off');
    expect([...sale.classList].sort()).toEqual(['input', 'tabular-nums', 'w-32']);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { disabled, form, FormField } from '@angular/forms/signals';
import { AmountInput } from './amount-input';
import { Checkbox } from './checkbox';

@Component({
  imports: [Checkbox, AmountInput, FormField],
  template: `
    <ui-checkbox testId="edit-converted" [formField]="form.converted">Convertido</ui-checkbox>
    <ui-checkbox testId="locked" [formField]="form.locked">Travado</ui-checkbox>
    <ui-checkbox testId="plain" [(checked)]="plain">Sem formulário</ui-checkbox>
    <input uiAmount class="w-32" id="sale" />
  `,
})
class Host {
  readonly draft = signal({ converted: true, locked: false });
  readonly form = form(this.draft, (path) => disabled(path.locked));
  readonly plain = signal(false);
}

async function render() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const box = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  return { fixture, host: fixture.componentInstance, box };
}

describe('Checkbox and AmountInput', () => {
  it('binds to a signal form: shows the model, ticks from its text into the model, and follows a model change', async () => {
    const { fixture, host, box } = await render();
    const converted = box('edit-converted');
    expect(converted.checked).toBe(true);
    expect(converted.name).toMatch(/\.converted$/);
    expect(converted.closest('label')?.textContent?.trim()).toBe('Convertido');
    (converted.closest('label') as HTMLLabelElement).click();
    await fixture.whenStable();
    expect(host.draft().converted).toBe(false);
    expect(converted.checked).toBe(false);
    host.draft.update((draft) => ({ ...draft, converted: true }));
    await fixture.whenStable();
    expect(converted.checked).toBe(true);
  });

  it("takes the form's disabled state", async () => {
    const { box } = await render();
    expect(box('locked').disabled).toBe(true);
    expect(box('edit-converted').disabled).toBe(false);
  });

  it('works without a form as a two-way [(checked)]', async () => {
    const { fixture, host, box } = await render();
    box('plain').click();
    await fixture.whenStable();
    expect(host.plain()).toBe(true);
    host.plain.set(false);
    await fixture.whenStable();
    expect(box('plain').checked).toBe(false);
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

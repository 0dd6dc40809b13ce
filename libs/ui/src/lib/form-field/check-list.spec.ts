import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CheckList } from './check-list';

@Component({
  imports: [CheckList],
  template: `<ui-check-list [items]="items" [checked]="chosen()" testIdPrefix="webhook-event-" (toggled)="toggle($event)" />`,
})
class Host {
  readonly items = [
    { id: 'attendance.created', name: 'Atendimento criado', code: 'attendance.created' },
    { id: 'attendance.converted', name: 'Venda', detail: 'vendas fechadas' },
  ];
  readonly chosen = signal(['attendance.converted']);
  toggle(id: string): void {
    this.chosen.update((ids) => (ids.includes(id) ? ids.filter((known) => known !== id) : [...ids, id]));
  }
}

describe('CheckList', () => {
  it('ticks the chosen rows, each box labelled by its row, and tells which row changed', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const created = root.querySelector('[data-testid="webhook-event-attendance.created"]') as HTMLInputElement;
    const converted = root.querySelector('[data-testid="webhook-event-attendance.converted"]') as HTMLInputElement;
    expect([created.checked, converted.checked]).toEqual([false, true]);
    expect(created.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Atendimento criadoattendance.created');
    // A technical name is marked as code (the browser checks read text outside <code> as UI words).
    expect(created.closest('label')?.querySelector('code')?.textContent).toBe('attendance.created');
    expect(converted.closest('label')?.querySelector('code')).toBeNull();
    created.click();
    converted.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.chosen()).toEqual(['attendance.created']);
    expect([created.checked, converted.checked]).toEqual([true, false]);
  });
});

import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, FormField } from '@angular/forms/signals';
import { CheckList } from './check-list';

type Event = 'attendance.created' | 'attendance.converted' | 'attendance.updated';

@Component({
  imports: [CheckList, FormField],
  template: `<ui-check-list [items]="items" [formField]="form.events" testIdPrefix="webhook-event-" />`,
})
class Host {
  readonly items: { id: Event; name: string; code?: string; detail?: string }[] = [
    { id: 'attendance.created', name: 'Atendimento criado', code: 'attendance.created' },
    { id: 'attendance.converted', name: 'Venda', detail: 'vendas fechadas' },
    { id: 'attendance.updated', name: 'Atualizado' },
  ];
  readonly draft = signal<{ events: Event[] }>({ events: ['attendance.converted'] });
  readonly form = form(this.draft);
}

describe('CheckList', () => {
  it("binds to a signal form: ticks the model's rows, each box labelled by its row, and writes the ticked ids in the rows' order", async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const box = (id: string) => root.querySelector(`[data-testid="webhook-event-${id}"]`) as HTMLInputElement;
    const [created, converted, updated] = [box('attendance.created'), box('attendance.converted'), box('attendance.updated')];
    expect([created.checked, converted.checked, updated.checked]).toEqual([false, true, false]);
    expect(created.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Atendimento criadoattendance.created');
    // A technical name is marked as code (the browser checks read text outside <code> as UI words).
    expect(created.closest('label')?.querySelector('code')?.textContent).toBe('attendance.created');
    expect(converted.closest('label')?.querySelector('code')).toBeNull();
    updated.click();
    created.click();
    converted.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.draft().events).toEqual(['attendance.created', 'attendance.updated']);
    expect([created.checked, converted.checked, updated.checked]).toEqual([true, false, true]);
  });

  it('follows a model change, keeping ids no row shows', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.componentInstance;
    const root = fixture.nativeElement as HTMLElement;
    host.draft.set({ events: ['gone' as Event, 'attendance.updated'] });
    await fixture.whenStable();
    const ticked = [...root.querySelectorAll('input')].map((input) => input.checked);
    expect(ticked).toEqual([false, false, true]);
    (root.querySelector('[data-testid="webhook-event-attendance.created"]') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(host.draft().events).toEqual(['gone', 'attendance.created', 'attendance.updated']);
  });
});

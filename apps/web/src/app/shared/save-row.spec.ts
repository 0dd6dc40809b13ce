import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SaveRow } from './save-row';

@Component({
  imports: [SaveRow],
  template: `<form><app-save-row [saved]="saved()" [disabled]="busy()" testId="thing-save" /></form>`,
})
class Host {
  readonly saved = signal(false);
  readonly busy = signal(false);
}

describe('SaveRow', () => {
  it('says "saved" only once it went through, and waits while busy', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const button = element.querySelector<HTMLButtonElement>('[data-testid="thing-save"]')!;
    expect(button.type).toBe('submit');
    expect(button.textContent?.trim()).toBe('Salvar');
    expect(element.querySelector('[role="status"]')).toBeNull();
    fixture.componentInstance.busy.set(true);
    fixture.detectChanges();
    expect(button.disabled).toBe(true);
    fixture.componentInstance.saved.set(true);
    fixture.detectChanges();
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('Alterações salvas.');
  });
});

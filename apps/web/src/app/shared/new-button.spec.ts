import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NewButton } from './new-button';

@Component({
  imports: [NewButton],
  template: `<form><button appNewButton (click)="presses = presses + 1">Nova meta</button></form>`,
})
class Host {
  presses = 0;
}

describe('NewButton', () => {
  it('is a primary button with a plus before its word that opens, never submits', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const button: HTMLButtonElement = fixture.nativeElement.querySelector('button');
    expect(button.type).toBe('button');
    expect(button.classList.contains('btn-primary')).toBe(true);
    expect(button.querySelector('app-icon svg')).not.toBeNull();
    expect(button.textContent?.trim()).toBe('Nova meta');
    button.click();
    expect(fixture.componentInstance.presses).toBe(1);
  });
});

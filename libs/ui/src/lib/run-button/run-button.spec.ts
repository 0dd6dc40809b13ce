import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { RunButton } from './run-button';

@Component({
  imports: [RunButton],
  template: `
    <form (submit)="submits = submits + 1">
      <button id="test" [uiRun]="work" [disabled]="off()">Enviar teste</button>
    </form>
  `,
})
class Host {
  readonly off = signal(false);
  submits = 0;
  calls = 0;
  request = new Subject<void>();
  readonly work = () => {
    this.calls++;
    return this.request;
  };
}

/** Set up and pressed once: the work is running until the test settles `host.request`. */
async function running() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const host = fixture.componentInstance;
  const button = (fixture.nativeElement as HTMLElement).querySelector('#test') as HTMLButtonElement;
  button.click();
  await fixture.whenStable();
  return { fixture, host, button };
}

describe('RunButton', () => {
  it('runs its work on a press, never submits, and is disabled until the work settles', async () => {
    const { fixture, host, button } = await running();
    expect(host.calls).toBe(1);
    expect(host.submits).toBe(0);
    expect(button.disabled).toBe(true);
    button.click();
    expect(host.calls).toBe(1);
    host.request.complete();
    await fixture.whenStable();
    expect(button.disabled).toBe(false);
  });

  it('is ready again after a failure, to try again', async () => {
    const { fixture, host, button } = await running();
    host.request.error(new Error('500'));
    await fixture.whenStable();
    expect(button.disabled).toBe(false);
    host.request = new Subject<void>();
    button.click();
    expect(host.calls).toBe(2);
  });

  it('stays off while the page says so, whatever the work', async () => {
    const { fixture, host, button } = await running();
    host.request.complete();
    host.off.set(true);
    await fixture.whenStable();
    expect(button.disabled).toBe(true);
  });
});

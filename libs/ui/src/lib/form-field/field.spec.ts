import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Field, FieldControl } from './field';
import { FormErrors } from './form-errors';
import { FormCheck, type FormProblem } from './form-problem';

@Component({
  imports: [Field, FieldControl, FormErrors],
  template: `
    <ui-field controlId="member-email" name="email" label="E-mail" hint="Para o convite" [problems]="problems()">
      <input uiControl />
    </ui-field>
    <ui-field controlId="member-name" name="fullName" label="Nome" [problems]="problems()">
      <input uiControl />
    </ui-field>
    <ui-form-errors [problems]="problems()" />
  `,
})
class Host {
  readonly problems = signal<FormProblem[]>([]);
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, root: fixture.nativeElement as HTMLElement, host: fixture.componentInstance };
}

const describedText = (root: HTMLElement, input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => root.querySelector(`[id="${id}"]`)?.textContent?.trim())
    .join(' | ');

describe('Field and FormErrors', () => {
  it('labels its control and points it at the hint while it is valid', async () => {
    const { root } = await setup();
    const input = root.querySelector('#member-email') as HTMLInputElement;
    expect(root.querySelector('label[for=member-email]')?.textContent).toBe('E-mail');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(describedText(root, input)).toBe('Para o convite');
    expect(root.querySelector('[role=alert]')).toBeNull();
  });

  it('ties each problem to its own field and lists them all in the alert', async () => {
    const { fixture, root, host } = await setup();
    host.problems.set([
      { field: 'email', message: 'E-mail já usado.' },
      { field: null, message: 'Tente de novo.' },
    ]);
    await fixture.whenStable();
    const email = root.querySelector('#member-email') as HTMLInputElement;
    const name = root.querySelector('#member-name') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(root, email)).toBe('Para o convite | E-mail já usado.');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(name.getAttribute('aria-describedby')).toBeNull();
    const listed = Array.from(root.querySelectorAll('[role=alert] li')).map((item) => item.textContent?.trim());
    expect(listed).toEqual(['E-mail já usado.', 'Tente de novo.']);
  });
});

describe('FormCheck', () => {
  it("shows the form's own problems only after a send attempt, and forgets the server's on the next", () => {
    const value = signal('');
    const check = TestBed.runInInjectionContext(() => new FormCheck(() => (value() ? [] : [{ field: 'name', message: 'Nome?' }])));
    expect(check.problems()).toEqual([]);
    expect(check.submit()).toBe(false);
    expect(check.problems()).toEqual([{ field: 'name', message: 'Nome?' }]);
    value.set('Ana');
    check.server.set([{ field: null, message: 'Falhou.' }]);
    expect(check.problems()).toEqual([{ field: null, message: 'Falhou.' }]);
    expect(check.submit()).toBe(true);
    expect(check.problems()).toEqual([]);
  });
});

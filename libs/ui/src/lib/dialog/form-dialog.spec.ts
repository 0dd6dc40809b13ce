import { Component, signal } from '@angular/core';
import { Field, FieldControl } from '../form-field/field';
import { FormCheck } from '../form-field/form-problem';
import { FormDialog } from './form-dialog';
import { renderOverlayHost } from './overlay-testing';

@Component({
  imports: [FormDialog, Field, FieldControl],
  template: `
    <ui-form-dialog title="Nova equipe" testId="team-dialog" [check]="check" [busy]="busy()" (submitted)="sends = sends + 1" (closed)="closes = closes + 1">
      <ui-field controlId="team-name" name="name" label="Nome">
        <input uiControl />
      </ui-field>
      <ui-field controlId="team-note" name="note" label="Nota" [problems]="[]">
        <input uiControl />
      </ui-field>
      @if (removable()) {
        <button uiFormExtra type="button" data-testid="delete-team">Excluir</button>
      }
    </ui-form-dialog>
  `,
})
class Host {
  readonly check = new FormCheck();
  readonly busy = signal(false);
  readonly removable = signal(true);
  sends = 0;
  closes = 0;
}

@Component({
  imports: [FormDialog],
  template: `
    <ui-form-dialog title="Convidar">
      <p>Campos</p>
      <span uiFormSubmit>Enviar convite</span>
      <span uiFormCancel>Fechar</span>
    </ui-form-dialog>
  `,
})
class WordsHost {}

const setup = () => renderOverlayHost(Host);

describe('FormDialog', () => {
  afterEach(() => document.body.replaceChildren());

  const buttonWords = (root: HTMLElement) => Array.from(root.querySelectorAll('form button')).map((button) => button.textContent?.trim());

  it('is a dialog named by its title holding one form: fields, problems, then the actions row it draws (Cancel, Save)', async () => {
    const { root } = await setup();
    const dialog = root.querySelector('[role=dialog]') as HTMLElement;
    expect(dialog.getAttribute('data-testid')).toBe('team-dialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Nova equipe');
    const form = dialog.querySelector('form') as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    expect(buttonWords(root)).toEqual(['Excluir', 'Cancelar', 'Salvar']);
    expect(Array.from(form.children).map((child) => child.tagName.toLowerCase())).toEqual(['ui-field', 'ui-field', 'ui-form-errors', 'div']);
    expect(document.activeElement?.id).toBe('team-name');
  });

  it("names its submit button's test id after the dialog's and says UI_TEXT's Save unless told otherwise", async () => {
    const { root } = await setup();
    const submit = root.querySelector<HTMLButtonElement>('[data-testid=team-dialog-submit]');
    expect(submit?.type).toBe('submit');
    expect(submit?.textContent?.trim()).toBe('Salvar');
  });

  it('puts a projected [uiFormExtra] action on the left of the actions row, not among the fields, and only while it is there', async () => {
    const { fixture, root, host } = await setup();
    const row = root.querySelector('form')?.lastElementChild as HTMLElement;
    const extra = root.querySelector('[data-testid=delete-team]') as HTMLElement;
    expect(row.firstElementChild?.contains(extra)).toBe(true);
    host.removable.set(false);
    await fixture.whenStable();
    expect(root.querySelector('[data-testid=delete-team]')).toBeNull();
    expect(buttonWords(root)).toEqual(['Cancelar', 'Salvar']);
  });

  it('says the projected [uiFormSubmit] and [uiFormCancel] words on its buttons; without a testId the submit has none', async () => {
    const { root } = await renderOverlayHost(WordsHost);
    expect(buttonWords(root)).toEqual(['Fechar', 'Enviar convite']);
    expect(root.querySelector('button[type=submit]')?.hasAttribute('data-testid')).toBe(false);
    expect(root.querySelector('form')?.firstElementChild?.tagName.toLowerCase()).toBe('p');
  });

  const cancelButton = (root: HTMLElement) =>
    Array.from(root.querySelectorAll('button')).find((button) => button.textContent?.trim() === 'Cancelar') as HTMLButtonElement;
  const submitForm = (root: HTMLElement) => {
    const submit = new Event('submit', { cancelable: true });
    root.querySelector('form')?.dispatchEvent(submit);
    return submit;
  };

  it('sends on submit without leaving the page, and closes on Cancel', async () => {
    const { root, host } = await setup();
    expect(submitForm(root).defaultPrevented).toBe(true);
    expect(host.sends).toBe(1);
    cancelButton(root).click();
    expect(host.closes).toBe(1);
  });

  it('while busy: neither sends again (Enter in a field) nor closes (Cancel, ×, Escape), so the answer finds it open', async () => {
    const { fixture, root, host } = await setup();
    host.busy.set(true);
    await fixture.whenStable();
    expect(root.querySelector<HTMLButtonElement>('[data-testid=team-dialog-submit]')?.disabled).toBe(true);
    expect(cancelButton(root).disabled).toBe(true);
    submitForm(root);
    cancelButton(root).click();
    root.querySelector<HTMLButtonElement>('[data-testid=dialog-close]')?.click();
    root.querySelector('[role=dialog]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host.sends).toBe(0);
    expect(host.closes).toBe(0);
    host.busy.set(false);
    await fixture.whenStable();
    root.querySelector<HTMLButtonElement>('[data-testid=dialog-close]')?.click();
    expect(host.closes).toBe(1);
  });

  it("hands its problems to the fields inside: each tied to its input, all announced in the form's alert", async () => {
    const { fixture, root, host } = await setup();
    host.check.server.set([
      { field: 'name', message: 'Dê um nome à equipe.' },
      { field: 'note', message: 'Nota ignorada: o campo tem os seus.' },
      { field: null, message: 'Sem conexão.' },
    ]);
    await fixture.whenStable();
    const input = root.querySelector('#team-name') as HTMLInputElement;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent?.trim()).toBe('Dê um nome à equipe.');
    expect(root.querySelector('#team-note')?.getAttribute('aria-invalid')).toBeNull();
    const alert = root.querySelector('form [role=alert]') as HTMLElement;
    expect(alert.getAttribute('data-testid')).toBe('form-errors');
    expect(Array.from(alert.querySelectorAll('li')).map((item) => item.textContent?.trim())).toEqual([
      'Dê um nome à equipe.',
      'Nota ignorada: o campo tem os seus.',
      'Sem conexão.',
    ]);
  });
});

import { Component, signal } from '@angular/core';
import { Subject } from 'rxjs';
import { ConfirmButton, type ConfirmedWork } from './confirm-button';
import { renderOverlayHost } from './overlay-testing';

@Component({
  imports: [ConfirmButton],
  template: `
    <form class="flex gap-2" (submit)="submits = submits + 1">
      <button id="remove" [uiConfirm]="question()" [confirmLabel]="label()" [danger]="danger()" [run]="work">Excluir</button>
    </form>
  `,
})
class Host {
  readonly question = signal('Isto apaga a meta Vendas.');
  readonly label = signal<string | undefined>(undefined);
  readonly danger = signal(true);
  calls = 0;
  submits = 0;
  /** What the next OK runs; each test sets it. */
  next: () => ReturnType<ConfirmedWork> = () => Promise.resolve();
  readonly work: ConfirmedWork = () => {
    this.calls++;
    return this.next();
  };
}

async function setup() {
  const { fixture, root, host } = await renderOverlayHost(Host);
  const button = root.querySelector<HTMLButtonElement>('#remove') as HTMLButtonElement;
  const dialog = () => root.querySelector<HTMLElement>('[data-testid=confirm-dialog]');
  const ok = () => root.querySelector<HTMLButtonElement>('[data-testid=confirm-ok]') as HTMLButtonElement;
  /** A person's press: the button takes the focus, then clicks. */
  const press = async () => {
    button.focus();
    button.click();
    await fixture.whenStable();
  };
  const confirm = async () => {
    ok().click();
    await fixture.whenStable();
  };
  const cancel = () =>
    [...root.querySelectorAll<HTMLButtonElement>('[data-testid=confirm-dialog] button')].find((b) => b.textContent?.trim() === 'Cancelar') as HTMLButtonElement;
  const problem = () => root.querySelector('[data-testid=confirm-problem]');
  return { fixture, root, host, button, dialog, ok, press, confirm, cancel, problem };
}

/** Set up with `work` as what OK runs, and pressed: the confirmation is open. */
async function opened(work?: () => ReturnType<ConfirmedWork>) {
  const page = await setup();
  if (work) page.host.next = work;
  await page.press();
  return page;
}

/** Opened and confirmed, its request still running until the test settles it. */
async function running() {
  const request = new Subject<void>();
  const page = await opened(() => request);
  await page.confirm();
  return { ...page, request };
}

describe('ConfirmButton', () => {
  afterEach(() => document.body.replaceChildren());

  it('asks first: the press opens the confirmation and runs (or submits) nothing, only its OK runs the work', async () => {
    const { host, dialog, confirm } = await opened();
    expect(dialog()?.getAttribute('role')).toBe('dialog');
    expect(dialog()?.textContent).toContain('Isto apaga a meta Vendas.');
    expect(host.calls).toBe(0);
    expect(host.submits).toBe(0);
    await confirm();
    expect(host.calls).toBe(1);
    expect(host.submits).toBe(0);
  });

  it("is titled and confirmed by the button's own word, unless confirmLabel names the action", async () => {
    const { fixture, host, dialog, ok } = await opened();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Excluir');
    expect(ok().textContent?.trim()).toBe('Excluir');
    host.label.set('Excluir meta');
    await fixture.whenStable();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Excluir meta');
    expect(ok().textContent?.trim()).toBe('Excluir meta');
  });

  it("an icon-only button without confirmLabel is titled by its accessible name, never an empty heading", async () => {
    const { fixture, button, dialog, ok, press } = await setup();
    button.textContent = '';
    button.setAttribute('aria-label', 'Excluir entrada Novo');
    await press();
    await fixture.whenStable();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Excluir entrada Novo');
    expect(ok().textContent?.trim()).toBe('Excluir entrada Novo');
  });

  it('keeps OK busy while the work runs, then closes and gives the focus back to the button', async () => {
    const { fixture, host, button, dialog, ok, confirm, request } = await running();
    expect(ok().disabled).toBe(true);
    await confirm();
    expect(host.calls).toBe(1);
    request.next();
    request.complete();
    await fixture.whenStable();
    expect(dialog()).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('Cancel closes without running anything', async () => {
    const { fixture, host, dialog, cancel } = await opened();
    cancel().click();
    await fixture.whenStable();
    expect(dialog()).toBeNull();
    expect(host.calls).toBe(0);
  });

  it('stays open on a failure, saying why, and a second OK tries again', async () => {
    const { fixture, host, dialog, ok, confirm, problem } = await opened(() => Promise.reject(new Error('409')));
    await confirm();
    await fixture.whenStable();
    expect(dialog()).not.toBeNull();
    expect(problem()?.getAttribute('role')).toBe('alert');
    expect(problem()?.textContent).toContain('Não foi possível concluir');
    expect(ok().disabled).toBe(false);
    host.next = () => Promise.resolve();
    await confirm();
    await fixture.whenStable();
    expect(host.calls).toBe(2);
    expect(dialog()).toBeNull();
  });

  it('cannot be dismissed while the work runs (Escape, Cancel, backdrop, ×), so the work cannot be started twice', async () => {
    const { fixture, root, host, dialog, ok, press, confirm, cancel, problem, request } = await running();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(dialog()).not.toBeNull();
    expect(cancel().disabled).toBe(true);
    root.querySelector<HTMLElement>('[data-testid=confirm-dialog] [aria-hidden=true]')?.click();
    root.querySelector<HTMLElement>('[data-testid=dialog-close]')?.click();
    await fixture.whenStable();
    expect(dialog()).not.toBeNull();
    await confirm();
    await press();
    expect(host.calls).toBe(1);
    request.error(new Error('500'));
    await fixture.whenStable();
    expect(problem()).not.toBeNull();
    expect(ok().disabled).toBe(false);
    expect(cancel().disabled).toBe(false);
  });

  it('asks each time afresh: the last failure is not shown again', async () => {
    const { fixture, dialog, press, cancel, problem, request } = await running();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    request.error(new Error('500'));
    await fixture.whenStable();
    if (dialog()) cancel().click();
    await fixture.whenStable();
    await press();
    expect(dialog()).not.toBeNull();
    expect(problem()).toBeNull();
  });

  it('gives the focus back to OK when a failure is shown (disabling OK had dropped it outside the modal)', async () => {
    const { fixture, button, dialog, ok, request } = await running();
    expect(ok().disabled).toBe(true);
    // A browser moves the focus off a button it disables (to <body>); jsdom keeps it there, so the spec moves it out.
    button.focus();
    expect(dialog()?.contains(document.activeElement)).toBe(false);
    request.error(new Error('500'));
    await fixture.whenStable();
    expect(dialog()?.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(ok());
  });

  it('treats a run that throws before returning as a failure, with OK ready to try again', async () => {
    const { fixture, ok, confirm, problem } = await opened(() => {
      throw new Error('no request built');
    });
    await confirm();
    await fixture.whenStable();
    expect(problem()?.textContent).toContain('Não foi possível concluir');
    expect(ok().disabled).toBe(false);
  });

  it('follows its inputs while open, and is red only for a danger', async () => {
    const { fixture, host, dialog, ok } = await opened();
    expect(ok().className).toContain('bg-red-600');
    host.question.set('Isto reativa a conta.');
    host.danger.set(false);
    await fixture.whenStable();
    expect(dialog()?.textContent).toContain('Isto reativa a conta.');
    expect(ok().className).toContain('btn-primary');
  });

  it('takes no room beside its button while open (the row keeps its layout)', async () => {
    const { root } = await opened();
    const confirm = root.querySelector('ui-confirm') as HTMLElement;
    expect(confirm.parentElement?.classList.contains('flex')).toBe(true);
    expect(confirm.classList.contains('contents')).toBe(true);
    expect(confirm.querySelector('ui-dialog')?.classList.contains('contents')).toBe(true);
  });
});

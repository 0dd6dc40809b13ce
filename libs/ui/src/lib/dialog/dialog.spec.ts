import { Component, signal } from '@angular/core';
import { Confirm } from './confirm';
import { Dialog } from './dialog';
import { Drawer } from './drawer';
import { renderOverlayHost } from './overlay-testing';

@Component({
  imports: [Dialog, Confirm, Drawer],
  template: `
    <button id="opener" type="button">open</button>
    @if (open()) {
      <ui-dialog title="Editar" testId="edit" (closed)="closes.push('dialog')">
        <input id="first" />
        <button type="button">ok</button>
      </ui-dialog>
    }
    @if (confirming()) {
      <ui-confirm action="Excluir" message="Isto apaga tudo." (cancelled)="closes.push('confirm')" />
    }
    @if (drawer()) {
      <ui-drawer label="Menu" side="left" (closed)="closes.push('drawer')"><a href="/x">x</a></ui-drawer>
    }
  `,
})
class Host {
  readonly open = signal(false);
  readonly confirming = signal(false);
  readonly drawer = signal(false);
  readonly closes: string[] = [];
}

async function setup() {
  const rendered = await renderOverlayHost(Host);
  rendered.root.querySelector<HTMLElement>('#opener')?.focus();
  return rendered;
}

const escape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));

describe('Dialog, Confirm and Drawer', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a modal dialog named by its title, starting on the first field and giving focus back to the opener', async () => {
    const { fixture, root, host } = await setup();
    host.open.set(true);
    await fixture.whenStable();
    const dialog = root.querySelector('[role=dialog]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Editar');
    expect(document.activeElement?.id).toBe('first');
    // cdk's trap puts its tab anchors around the panel.
    expect(dialog.querySelectorAll('.cdk-focus-trap-anchor')).toHaveLength(2);
    host.open.set(false);
    await fixture.whenStable();
    expect(document.activeElement?.id).toBe('opener');
  });

  it('closes on Escape, only the top one when a confirmation is over a dialog', async () => {
    const { fixture, host } = await setup();
    host.open.set(true);
    await fixture.whenStable();
    host.confirming.set(true);
    await fixture.whenStable();
    escape();
    expect(host.closes).toEqual(['confirm']);
    host.confirming.set(false);
    await fixture.whenStable();
    escape();
    expect(host.closes).toEqual(['confirm', 'dialog']);
  });

  it('describes a confirmation by its message and starts on its action', async () => {
    const { fixture, root, host } = await setup();
    host.confirming.set(true);
    await fixture.whenStable();
    const dialog = root.querySelector('[role=dialog]') as HTMLElement;
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Isto apaga tudo.');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('confirm-ok');
  });

  it('a drawer is a labelled modal that Escape closes', async () => {
    const { fixture, root, host } = await setup();
    host.drawer.set(true);
    await fixture.whenStable();
    const drawer = root.querySelector('[role=dialog]') as HTMLElement;
    expect(drawer.getAttribute('aria-label')).toBe('Menu');
    expect(drawer.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement?.getAttribute('href')).toBe('/x');
    escape();
    expect(host.closes).toEqual(['drawer']);
  });
});

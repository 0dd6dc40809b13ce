import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ConfirmButton } from '../dialog/confirm-button';
import { RowAction } from './row-action';

@Component({
  imports: [RowAction, ConfirmButton],
  template: `
    <form>
      <button uiRowAction label="Editar a meta Vendas" testId="goal-edit" (click)="presses = presses + 1">Editar</button>
      <button uiRowAction="icon" danger label="Excluir https://x" testId="webhook-delete">×</button>
      <button uiRowAction="main" testId="webhook-test">Testar</button>
      <button uiRowAction label="Revogar a chave CRM" testId="revoke-key" uiConfirm="Revogar a chave CRM?" [run]="work">Revogar</button>
      <button uiRowAction testId="reactivate" uiConfirm="Reativar?" [danger]="false" [run]="work">Reativar</button>
    </form>
  `,
})
class Host {
  presses = 0;
  readonly work = () => Promise.resolve();
}

async function setup() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  return { fixture, host: fixture.componentInstance, button: (testId: string) => root.querySelector(`[data-testid=${testId}]`) as HTMLButtonElement };
}

describe('RowAction', () => {
  it('is a plain button named for its row, found by its test id', async () => {
    const { host, button } = await setup();
    const edit = button('goal-edit');
    expect(edit.type).toBe('button');
    expect(edit.getAttribute('aria-label')).toBe('Editar a meta Vendas');
    edit.click();
    expect(host.presses).toBe(1);
  });

  it('looks like a quiet word, a square icon (named by its tooltip too) or the outlined main action', async () => {
    const { button } = await setup();
    expect([...button('goal-edit').classList]).toEqual(expect.arrayContaining(['btn-ghost', 'px-3', 'text-xs']));
    expect([...button('webhook-delete').classList]).toEqual(expect.arrayContaining(['btn-ghost', 'p-2']));
    expect(button('webhook-delete').classList.contains('text-xs')).toBe(false);
    expect(button('webhook-delete').title).toBe('Excluir https://x');
    expect(button('goal-edit').hasAttribute('title')).toBe(false);
    expect([...button('webhook-test').classList]).toEqual(expect.arrayContaining(['btn-outline', 'px-3', 'text-xs']));
    expect(button('webhook-test').classList.contains('btn-ghost')).toBe(false);
  });

  it('is red only when it destroys: danger, or a confirmation that asks before a removal', async () => {
    const { button } = await setup();
    const red = (testId: string) => button(testId).classList.contains('text-negative');
    expect([red('webhook-delete'), red('revoke-key')]).toEqual([true, true]);
    expect([red('goal-edit'), red('webhook-test'), red('reactivate')]).toEqual([false, false, false]);
  });

  it('leaves the accessible name to the visible word when no label is given', async () => {
    const { button } = await setup();
    expect(button('webhook-test').hasAttribute('aria-label')).toBe(false);
  });
});

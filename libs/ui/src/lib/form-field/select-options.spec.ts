import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { form, FormField } from '@angular/forms/signals';
import { SelectOptions, type SelectOption } from './select-options';

@Component({
  imports: [SelectOptions, FormField],
  template: `
    <select [formField]="form.teamId" [uiOptions]="teams()" none="Nenhum" data-testid="team"></select>
    <select [formField]="form.role" [uiOptions]="roles" data-testid="role"></select>
  `,
})
class Host {
  readonly draft = signal({ teamId: 'b', role: 'manager' });
  readonly form = form(this.draft);
  readonly teams = signal<SelectOption[]>([]);
  readonly roles: SelectOption[] = [
    { id: 'admin', name: 'Administrador' },
    { id: 'manager', name: 'Gestor' },
    { id: 'agent', name: 'Atendente' },
  ];
}

async function render() {
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const select = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLSelectElement;
  const texts = (testId: string) => Array.from(select(testId).options).map((option) => option.textContent?.trim());
  return { fixture, host: fixture.componentInstance, select, texts };
}

describe('SelectOptions', () => {
  it('draws the empty option first and shows the bound value once the options arrive after it', async () => {
    const { fixture, host, select, texts } = await render();
    expect(texts('team')).toEqual(['Nenhum']);
    host.teams.set([
      { id: 'a', name: 'Alfa' },
      { id: 'b', name: 'Beta' },
    ]);
    await fixture.whenStable();
    expect(texts('team')).toEqual(['Nenhum', 'Alfa', 'Beta']);
    expect(select('team').value).toBe('b');
  });

  it('writes the picked option into the model, the empty one as an empty string', async () => {
    const { fixture, host, select } = await render();
    host.teams.set([
      { id: 'a', name: 'Alfa' },
      { id: 'b', name: 'Beta' },
    ]);
    await fixture.whenStable();
    select('team').value = 'a';
    select('team').dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.draft().teamId).toBe('a');
    select('team').value = '';
    select('team').dispatchEvent(new Event('input'));
    expect(host.draft().teamId).toBe('');
  });

  it('draws only the given options without `none`, and follows a model change', async () => {
    const { fixture, host, select, texts } = await render();
    expect(texts('role')).toEqual(['Administrador', 'Gestor', 'Atendente']);
    expect(select('role').value).toBe('manager');
    select('role').value = 'agent';
    select('role').dispatchEvent(new Event('input'));
    expect(host.draft().role).toBe('agent');
    host.draft.update((draft) => ({ ...draft, role: 'admin' }));
    await fixture.whenStable();
    expect(select('role').value).toBe('admin');
  });
});

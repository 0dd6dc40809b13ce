import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';

@Component({
  imports: [PageHeader],
  template: `
    <ui-page-header title="Webhooks" [help]="help()">
      @if (canCreate()) {
        <button type="button">Novo webhook</button>
      }
    </ui-page-header>
  `,
})
class Host {
  readonly help = signal<string | null>(null);
  readonly canCreate = signal(true);
}

async function setup(state: { help: string | null; canCreate: boolean }) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.help.set(state.help);
  fixture.componentInstance.canCreate.set(state.canCreate);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('PageHeader', () => {
  it('titles the page with its one h1 and puts the help under it, the actions beside', async () => {
    const root = await setup({ help: 'Avisos enviados a outros sistemas.', canCreate: true });
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Webhooks');
    expect(root.querySelector('h1 + p')?.textContent?.trim()).toBe('Avisos enviados a outros sistemas.');
    expect(root.querySelector('header > div:last-child button')?.textContent).toBe('Novo webhook');
  });

  it('shows no help line without help', async () => {
    const root = await setup({ help: null, canCreate: false });
    expect(root.querySelector('p')).toBeNull();
  });
});

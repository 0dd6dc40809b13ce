import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { PageHeader } from './page-header';
import { SectionHeader } from './section-header';

/** The page's header and a section's, each with the same help and projected action. */
@Component({
  imports: [PageHeader, SectionHeader],
  template: `
    @if (level() === 'page') {
      <ui-page-header title="Webhooks" [help]="help()">
        @if (canCreate()) {
          <button type="button">Novo</button>
        }
      </ui-page-header>
    } @else {
      <ui-section-header title="Chaves de API" [help]="help()">
        @if (canCreate()) {
          <button type="button">Novo</button>
        }
      </ui-section-header>
    }
  `,
})
class Host {
  readonly level = signal<'page' | 'section'>('page');
  readonly help = signal<string | null>(null);
  readonly canCreate = signal(true);
}

async function setup(state: { level: 'page' | 'section'; help: string | null; canCreate: boolean }) {
  const fixture = TestBed.createComponent(Host);
  fixture.componentInstance.level.set(state.level);
  fixture.componentInstance.help.set(state.help);
  fixture.componentInstance.canCreate.set(state.canCreate);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe.each([
  { level: 'page', heading: 'h1', title: 'Webhooks' },
  { level: 'section', heading: 'h2', title: 'Chaves de API' },
] as const)('the $level header', ({ level, heading, title }) => {
  it(`titles it with an ${heading}, puts the help under the title and the actions beside`, async () => {
    const root = await setup({ level, help: 'Avisos enviados a outros sistemas.', canCreate: true });
    expect(root.querySelectorAll('h1, h2')).toHaveLength(1);
    expect(root.querySelector(heading)?.textContent?.trim()).toBe(title);
    expect(root.querySelector(`${heading} + p`)?.textContent?.trim()).toBe('Avisos enviados a outros sistemas.');
    expect(root.querySelector('header > div:last-child button')?.textContent).toBe('Novo');
  });

  it('shows no help line and no actions without them', async () => {
    const root = await setup({ level, help: null, canCreate: false });
    expect(root.querySelector('p')).toBeNull();
    expect(root.querySelector('button')).toBeNull();
  });
});

@Component({
  imports: [PageHeader],
  template: `
    <ui-page-header title="Vendas SP">
      <span uiTitleBadge>Ativo</span>
      <button type="button">Suspender</button>
    </ui-page-header>
  `,
})
class BadgeHost {}

it('puts a page header’s projected badge inside its h1, beside the title, and keeps it out of the actions', async () => {
  const fixture = TestBed.createComponent(BadgeHost);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  expect(root.querySelector('h1 > span')?.textContent).toBe('Vendas SP');
  expect(root.querySelector('h1 > [uiTitleBadge]')?.textContent).toBe('Ativo');
  expect(root.querySelector('header > div:last-child')?.textContent).toBe('Suspender');
});

import { InteractivityChecker } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { DeleteButton } from './delete-button';

const WORDS = { label: 'catalog.deleteEntry', question: 'catalog.deleteEntryConfirm', action: 'catalog.delete' } as const;

async function render() {
  const run = jest.fn(() => of(null));
  // jsdom lays nothing out, so cdk would find the confirmation's OK unfocusable.
  TestBed.configureTestingModule({ providers: [{ provide: InteractivityChecker, useValue: { isFocusable: () => true, isVisible: () => true } }] });
  const fixture = TestBed.createComponent(DeleteButton);
  // In the document, as on a page: the confirmation moves the focus into itself.
  document.body.append(fixture.nativeElement);
  fixture.componentRef.setInput('words', WORDS);
  fixture.componentRef.setInput('params', { name: 'Ganho' });
  fixture.componentRef.setInput('testId', 'entry-delete');
  fixture.componentRef.setInput('run', run);
  await fixture.whenStable();
  return { fixture, run, button: fixture.nativeElement.querySelector('[data-testid=entry-delete]') as HTMLButtonElement };
}

describe('DeleteButton', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a red trash icon named for its row', async () => {
    const { button } = await render();
    expect(button.getAttribute('aria-label')).toBe('Excluir Ganho');
    expect(button.classList.contains('text-negative')).toBe(true);
    expect(button.querySelector('app-icon svg')).not.toBeNull();
    expect(button.textContent?.trim()).toBe('');
  });

  it('asks with the feature words, titled by its action, and deletes only once confirmed', async () => {
    const { fixture, run, button } = await render();
    button.click();
    await fixture.whenStable();
    const dialog = document.querySelector<HTMLElement>('[data-testid=confirm-dialog]')!;
    expect(dialog.textContent).toContain('Excluir "Ganho"?');
    const ok = document.querySelector<HTMLButtonElement>('[data-testid=confirm-ok]')!;
    expect(ok.textContent?.trim()).toBe('Excluir');
    expect(run).not.toHaveBeenCalled();
    ok.click();
    await fixture.whenStable();
    expect(run).toHaveBeenCalledTimes(1);
  });
});

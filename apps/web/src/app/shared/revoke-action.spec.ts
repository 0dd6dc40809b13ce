import { InteractivityChecker } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { RevokeAction, type Revocable } from './revoke-action';

const WORDS = { revoked: 'tv.links.revoked', revoke: 'tv.links.revoke', revokeOf: 'tv.links.revokeOf', revokeConfirm: 'tv.links.revokeConfirm' } as const;

async function render(credential: Revocable) {
  const run = jest.fn(() => of(null));
  // jsdom lays nothing out, so cdk would find the confirmation's OK unfocusable.
  TestBed.configureTestingModule({ providers: [{ provide: InteractivityChecker, useValue: { isFocusable: () => true, isVisible: () => true } }] });
  const fixture = TestBed.createComponent(RevokeAction);
  // In the document, as on a page: the confirmation moves the focus into itself.
  document.body.append(fixture.nativeElement);
  fixture.componentRef.setInput('credential', credential);
  fixture.componentRef.setInput('words', WORDS);
  fixture.componentRef.setInput('testId', 'tv-link-revoke');
  fixture.componentRef.setInput('run', run);
  await fixture.whenStable();
  return { fixture, run, root: fixture.nativeElement as HTMLElement };
}

describe('RevokeAction', () => {
  afterEach(() => document.body.replaceChildren());

  it('offers Revoke, named for its credential, and revokes only once the question is confirmed', async () => {
    const { fixture, run, root } = await render({ name: 'Sala', revokedAt: null });
    const button = root.querySelector<HTMLButtonElement>('[data-testid=tv-link-revoke]')!;
    expect(button.textContent?.trim()).toBe('Revogar');
    expect(button.getAttribute('aria-label')).toBe('Revogar Sala');
    expect(root.querySelector('.chip')).toBeNull();
    button.click();
    await fixture.whenStable();
    expect(document.body.textContent).toContain("Revogar o link 'Sala'?");
    expect(run).not.toHaveBeenCalled();
    document.querySelector<HTMLButtonElement>('[data-testid=confirm-ok]')!.click();
    await fixture.whenStable();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('says it is revoked, with nothing left to press, once it is', async () => {
    const { root } = await render({ name: 'Sala', revokedAt: '2026-01-01T00:00:00Z' });
    expect(root.querySelector('.chip')?.textContent?.trim()).toBe('Revogado');
    expect(root.querySelector('button')).toBeNull();
  });
});

import { TestBed } from '@angular/core/testing';
import { PreferencesStore } from '../core/preferences/preferences.store';
import { SecretReveal } from './secret-reveal';

function render(secret = 'fst_abc') {
  const fixture = TestBed.createComponent(SecretReveal);
  const set = (name: string, value: unknown) => fixture.componentRef.setInput(name, value);
  set('secret', secret);
  set('warning', 'Guarde agora: não aparece de novo.');
  set('label', 'API key');
  set('testId', 'created-key');
  fixture.detectChanges();
  const root: HTMLElement = fixture.nativeElement;
  const button = () => root.querySelector<HTMLButtonElement>('[data-testid=created-key-copy]')!;
  return { fixture, root, set, button };
}

/** Lets the clipboard's promise settle, then renders. */
async function settle(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
  await fixture.whenStable();
  await Promise.resolve();
  fixture.detectChanges();
}

describe('SecretReveal', () => {
  const writeText = jest.fn<Promise<void>, [string]>();
  beforeAll(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true }));
  beforeEach(() => writeText.mockReset());
  afterEach(() => localStorage.clear());

  it('shows the warning and the secret in a read-only field named by its label', () => {
    const { root } = render();
    const field = root.querySelector<HTMLInputElement>('[data-testid=created-key]')!;
    expect(root.querySelector('[role=alert]')?.textContent?.trim()).toBe('Guarde agora: não aparece de novo.');
    expect(field.value).toBe('fst_abc');
    expect(field.readOnly).toBe(true);
    expect(root.querySelector(`label[for="${field.id}"]`)?.textContent).toBe('API key');
  });

  it('copies the secret and then says it copied', async () => {
    writeText.mockResolvedValue(undefined);
    const { fixture, button } = render();
    expect(button().textContent?.trim()).toBe('Copiar');
    button().click();
    await settle(fixture);
    expect(writeText).toHaveBeenCalledWith('fst_abc');
    expect(button().textContent?.trim()).toBe('Copiado');
  });

  it('does not claim a copy the browser refused', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const { fixture, button } = render();
    button().click();
    await settle(fixture);
    expect(button().textContent?.trim()).toBe('Copiar');
  });

  it('says its words in the chosen language', async () => {
    writeText.mockResolvedValue(undefined);
    TestBed.inject(PreferencesStore).language.set('en');
    const { fixture, button } = render();
    expect(button().textContent?.trim()).toBe('Copy');
    button().click();
    await settle(fixture);
    expect(button().textContent?.trim()).toBe('Copied');
  });

  it('starts uncopied again when a new secret comes in', async () => {
    writeText.mockResolvedValue(undefined);
    const { fixture, set, button } = render();
    button().click();
    await settle(fixture);
    set('secret', 'fst_def');
    fixture.detectChanges();
    expect(button().textContent?.trim()).toBe('Copiar');
  });
});

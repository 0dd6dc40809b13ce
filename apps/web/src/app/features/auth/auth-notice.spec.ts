import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthNotice, type AuthNoticeTone } from './auth-notice';

@Component({
  imports: [AuthNotice],
  template: `<app-auth-notice class="mb-4" [tone]="tone()" testId="notice">Sessão expirada.</app-auth-notice>`,
})
class Host {
  readonly tone = signal<AuthNoticeTone>('info');
}

describe('AuthNotice', () => {
  it('is a status for news and an alert for problems, in its tone and keeping the page its spacing', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const notice = (fixture.nativeElement as HTMLElement).querySelector('[data-testid=notice]') as HTMLElement;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.classList).toContain('mb-4');
    expect(notice.classList).toContain('text-gold-700');
    fixture.componentInstance.tone.set('error');
    await fixture.whenStable();
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.classList).toContain('text-red-700');
    expect(notice.classList).toContain('rounded-lg');
    expect(notice.classList).not.toContain('text-gold-700');
    expect(notice.classList).toContain('mb-4');
    expect(notice.textContent?.trim()).toBe('Sessão expirada.');
  });
});

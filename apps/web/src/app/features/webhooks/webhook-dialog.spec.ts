import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { WebhookEndpointView } from '@fasto/contracts';
import { WebhookDialog } from './webhook-dialog';

const paused = {
  id: 'w1',
  url: 'https://hooks.example.com/fasto',
  events: ['attendance.converted'],
  isActive: false,
  disabledAt: null,
} as unknown as WebhookEndpointView;

describe('WebhookDialog editing an endpoint', () => {
  it('shows its address, events and switch; what the user changes is sent', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(WebhookDialog);
    fixture.componentRef.setInput('endpoint', paused);
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const byTestId = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
    expect(byTestId('webhook-url').value).toBe(paused.url);
    expect(byTestId('webhook-url').getAttribute('maxlength')).toBe('2000');
    expect([byTestId('webhook-event-attendance.created').checked, byTestId('webhook-event-attendance.converted').checked]).toEqual([false, true]);
    expect(byTestId('webhook-active').checked).toBe(false);
    byTestId('webhook-event-attendance.created').click();
    byTestId('webhook-active').click();
    fixture.detectChanges();
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const saved = TestBed.inject(HttpTestingController).expectOne((request) => request.method === 'PATCH');
    expect(saved.request.body).toEqual({ url: paused.url, events: ['attendance.created', 'attendance.converted'], isActive: true });
  });
});

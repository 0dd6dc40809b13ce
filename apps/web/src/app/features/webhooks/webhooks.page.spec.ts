import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { WebhooksPage } from './webhooks.page';

describe('WebhooksPage loading', () => {
  const setup = () => {
    TestBed.configureTestingModule({ imports: [WebhooksPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(WebhooksPage);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const http = TestBed.inject(HttpTestingController);
    const answer = (items: unknown[] | 'fail') => {
      const request = http.expectOne('/api/webhooks');
      if (items === 'fail') request.flush({ statusCode: 500 }, { status: 500, statusText: 'Server Error' });
      else request.flush({ items });
      fixture.detectChanges();
    };
    const alert = () => element.querySelector('[role="alert"]')?.textContent ?? '';
    return { fixture, element, answer, alert };
  };

  it('offers a retry after a failed load, and a successful retry clears the failure', () => {
    const { element, answer, alert } = setup();
    answer('fail');
    expect(alert()).toContain('Não foi possível carregar os webhooks.');
    element.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    answer([]);
    expect(alert()).toBe('');
    expect(element.textContent).toContain('Nenhum webhook cadastrado.');
  });

  it('shows a failed reload instead of the list it left stale', () => {
    const { fixture, element, answer, alert } = setup();
    answer([]);
    fixture.componentInstance['load']();
    answer('fail');
    expect(alert()).toContain('Não foi possível carregar os webhooks.');
    expect(element.textContent).not.toContain('Nenhum webhook cadastrado.');
  });
});

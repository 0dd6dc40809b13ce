import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role, type TeamView, type UserView } from '@fasto/contracts';
import { TeamDialog } from './team-dialog';

const team = {
  id: 't1',
  name: 'Alpha',
  funnelId: 'f2',
  funnelName: 'Vendas',
  originGroupId: null,
  originGroupName: null,
  members: [{ id: 'u1' }],
} as unknown as TeamView;
const person = (id: string, fullName: string) => ({ id, fullName, role: Role.Agent, teamId: null, teamName: null }) as unknown as UserView;

describe('TeamDialog editing a team', () => {
  it("shows the team's funnel once the list arrives and its members ticked; ticking one sends the new list", async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(TeamDialog);
    fixture.componentRef.setInput('team', team);
    fixture.componentRef.setInput('people', [person('u1', 'Ana'), person('u2', 'Bia')]);
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const http = TestBed.inject(HttpTestingController);
    const funnel = root.querySelector('[data-testid="team-funnel"]') as HTMLSelectElement;
    expect(funnel.value).toBe('f2');
    http
      .expectOne((request) => request.url.includes('funnels'))
      .flush({
        items: [
          { id: 'f1', name: 'Pós-venda' },
          { id: 'f2', name: 'Vendas' },
        ],
      });
    http.expectOne((request) => request.url.includes('origin-groups')).flush({ items: [] });
    fixture.detectChanges();
    await fixture.whenStable();
    expect([...funnel.options].map((option) => option.value)).toEqual(['', 'f1', 'f2']);
    expect(funnel.value).toBe('f2');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('ui-check-list input[type=checkbox]')];
    expect(boxes.map((box) => box.checked)).toEqual([true, false]);
    boxes[1].click();
    fixture.detectChanges();
    root.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    const saved = http.expectOne((request) => request.method === 'PATCH');
    expect(saved.request.body).toEqual({ memberIds: ['u1', 'u2'] });
  });
});

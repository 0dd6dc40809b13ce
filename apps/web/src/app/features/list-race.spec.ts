import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AttendancesPage } from './attendances/attendances.page';
import { AuditPage } from './audit/audit.page';
import { ConsolePage } from './console/console.page';
import { MembersPage } from './members/members.page';
import { attendanceRow, auditEntry, memberRow, tenantRow } from '../testing/list-rows';

interface ListScreen {
  name: string;
  component: Type<unknown>;
  url: string;
  param: string;
  values: [string, string];
  rowTestId: string;
  row: (id: string) => { id: string };
}

const SCREENS: ListScreen[] = [
  {
    name: 'attendances',
    component: AttendancesPage,
    url: '/api/attendances',
    param: 'q',
    values: ['ana', 'bruno'],
    rowTestId: 'attendance-row',
    row: attendanceRow,
  },
  {
    name: 'members',
    component: MembersPage,
    url: '/api/users',
    param: 'q',
    values: ['ana', 'bruno'],
    rowTestId: 'member-row',
    row: memberRow,
  },
  {
    name: 'audit',
    component: AuditPage,
    url: '/api/audit-logs',
    param: 'entity',
    values: ['team', 'user'],
    rowTestId: 'audit-row',
    row: auditEntry,
  },
  {
    name: 'console',
    component: ConsolePage,
    url: '/api/tenants',
    param: 'q',
    values: ['acme', 'beta'],
    rowTestId: 'tenant-row',
    row: tenantRow,
  },
];

describe.each(SCREENS)('$name list: the latest filter wins', (screen) => {
  it('shows the rows of the second filter when the answer to the first comes last', async () => {
    TestBed.configureTestingModule({ imports: [screen.component], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    const fixture = TestBed.createComponent(screen.component);
    const listRequests = () => http.match((request) => request.url === screen.url);
    const settle = async () => {
      await Promise.resolve();
      fixture.detectChanges();
    };
    await settle();
    for (const request of listRequests()) request.flush({ items: [], nextCursor: null });

    const [first, second] = screen.values;
    await router.navigate([], { queryParams: { [screen.param]: first } });
    await settle();
    await router.navigate([], { queryParams: { [screen.param]: second } });
    await settle();

    const pending = listRequests();
    const answerTo = (value: string): TestRequest => {
      const request = pending.find((candidate) => candidate.request.params.get(screen.param) === value);
      if (!request) throw new Error(`no request for ${screen.param}=${value}`);
      return request;
    };
    const slow = answerTo(first);
    answerTo(second).flush({ items: [screen.row(`${second}-row`)], nextCursor: null });
    // A request the screen dropped can no longer be answered; one it kept gets its late answer.
    if (!slow.cancelled) slow.flush({ items: [screen.row(`${first}-row`)], nextCursor: null });
    await settle();

    const shown = [...(fixture.nativeElement as HTMLElement).querySelectorAll(`[data-testid="${screen.rowTestId}"]`)].map((row) => row.getAttribute('data-id'));
    expect(shown).toEqual([`${second}-row`]);
  });
});

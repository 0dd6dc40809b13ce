import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { auditEntry } from '../../testing/list-rows';
import { AuditPage } from './audit.page';

const stage = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('AuditPage', () => {
  it('reads as a person expects: labels, names instead of ids, Fasto staff as the actor', () => {
    TestBed.configureTestingModule({ imports: [AuditPage], providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const fixture = TestBed.createComponent(AuditPage);
    fixture.detectChanges();
    const items = [
      auditEntry('login'),
      auditEntry('updated', {
        action: 'attendance.updated',
        entity: 'attendance',
        entityId: 'a1',
        changes: { funnelStageId: { from: stage(1), to: stage(2) } },
        references: {
          a1: { kind: 'attendance', name: 'Rodrigo Pereira', deleted: false },
          [stage(1)]: { kind: 'funnel_stage', name: 'Proposta', deleted: false },
          [stage(2)]: { kind: 'funnel_stage', name: 'Negociação', deleted: false },
        },
      }),
      auditEntry('key', {
        action: 'api_key.created',
        actorId: 'sa',
        actorName: 'Super Admin',
        actorIsSuperAdmin: true,
        entity: 'api_key',
        entityId: 'k',
        references: { k: { kind: 'api_key', name: 'n8n', deleted: false } },
      }),
      auditEntry('team', {
        action: 'team.created',
        entity: 'team',
        entityId: 'tm',
        impersonatorId: 'sa',
        impersonatorName: 'Super Admin',
        references: { tm: { kind: 'team', name: null, deleted: true } },
      }),
    ];
    TestBed.inject(HttpTestingController)
      .expectOne((request) => request.url === '/api/audit-logs')
      .flush({ items, nextCursor: null });
    fixture.detectChanges();
    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="audit-row"]')].map((row) => ({
      // The actor cell stacks blocks (name, "as …", IP): read each child apart.
      actor: [...row.querySelector('[data-testid="audit-actor"]')!.childNodes]
        .filter((node) => node.nodeType !== Node.COMMENT_NODE)
        .map((node) => node.textContent)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      action: row.querySelector('[data-testid="audit-action"]')!.textContent!.trim(),
      object: row.querySelector('[data-testid="audit-object"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? null,
      changes: [...row.querySelectorAll('[data-testid="audit-change"]')].map((line) => line.textContent!.replace(/\s+/g, ' ').trim()),
    }));
    expect(rows).toEqual([
      { actor: 'Ana Administradora', action: 'Entrou', object: null, changes: [] },
      { actor: 'Ana Administradora', action: 'Corrigiu', object: 'Atendimento: Rodrigo Pereira', changes: ['Etapa: Proposta → Negociação'] },
      { actor: 'Super Admin suporte Fasto', action: 'Criou', object: 'Chave de API: n8n', changes: [] },
      { actor: 'Super Admin suporte Fasto como Ana Administradora', action: 'Criou', object: 'Equipe: Equipe excluída', changes: [] },
    ]);
  });
});

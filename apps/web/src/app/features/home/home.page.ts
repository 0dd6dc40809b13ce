import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { HealthApi } from '@fasto/api-client';
import { catchError, map, of } from 'rxjs';

type ApiState = 'checking' | 'ready' | 'unavailable';

/** Placeholder landing page until the sign-in and dashboard screens land. */
@Component({
  selector: 'app-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="flex min-h-full flex-col items-center justify-center gap-6 p-8 text-center">
      <h1 class="text-5xl font-semibold tracking-tight">Fast<span class="text-gold-400">o</span></h1>
      <p class="max-w-md text-zinc-400">Gestão de equipes comerciais: atendimentos, KPIs e notificações.</p>
      <p class="rounded-full border border-zinc-800 px-4 py-1 text-sm" data-testid="api-status">
        @switch (apiState()) {
          @case ('ready') {
            <span class="text-emerald-400">API pronta</span>
          }
          @case ('unavailable') {
            <span class="text-red-400">API indisponível</span>
          }
          @default {
            <span class="text-zinc-500">Verificando API…</span>
          }
        }
      </p>
    </main>
  `,
})
export class HomePage {
  private readonly health = inject(HealthApi);

  readonly apiState = toSignal(
    this.health.ready().pipe(
      map((): ApiState => 'ready'),
      catchError(() => of<ApiState>('unavailable')),
    ),
    { initialValue: 'checking' as ApiState },
  );
}

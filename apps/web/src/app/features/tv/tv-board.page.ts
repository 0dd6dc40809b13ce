import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import type { TvBoard, TvBoardGoal } from '@fasto/contracts';
import { TvApi, TvStreamError } from '@fasto/api-client';
import type { Subscription } from 'rxjs';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { movementText, reconnectDelay, TV_REFRESH_SECONDS, TV_VIEW_SECONDS, TV_VIEWS, tvTokenFromFragment, withSale, type TvView } from './tv-board';

/**
 * The wall screen (`/tv`): full screen, dark, big type, no shell. Opened with a TV link
 * (`/tv#token=…`, sent as a header) or by a signed-in admin/manager. Rotates its views, follows
 * closed sales live and reconnects by itself; it holds one board and ten sales, so it can run for days.
 */
@Component({
  imports: [FormatPipe],
  selector: 'app-tv-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'fixed inset-0 overflow-hidden bg-neutral-950 text-white' },
  template: `
    @if (board(); as data) {
      <div class="flex h-full flex-col gap-6 p-10" data-testid="tv-board">
        <header class="flex items-baseline gap-8">
          <h1 class="flex-1 text-5xl font-bold tracking-tight">
            {{ data.teamName ?? i18n.t('tv.board.wholeCompany') }}
            <span class="ml-4 text-3xl font-normal text-neutral-400">{{ i18n.t(data.period === 'week' ? 'tv.board.week' : 'tv.board.month') }}</span>
          </h1>
          @for (figure of figures(); track figure.key) {
            <div class="text-right">
              <p class="text-2xl text-neutral-400">{{ i18n.t(figure.label) }}</p>
              <p class="text-4xl font-semibold" [class]="figure.class" [attr.data-testid]="'tv-' + figure.key">
                {{ figure.totals.saleValue | format: 'brl' }} · {{ i18n.t('tv.board.salesCount', { count: (figure.totals.sales | format: 'integer') }) }}
              </p>
            </div>
          }
        </header>

        <nav class="flex gap-3 text-2xl" aria-hidden="true">
          @for (name of views; track name) {
            <span class="rounded-full px-5 py-1" [class]="name === view() ? 'bg-white text-neutral-950' : 'text-neutral-500'">{{ i18n.t(viewKey(name)) }}</span>
          }
          <span class="ml-auto flex items-center gap-2 text-xl" [class]="live() ? 'text-emerald-400' : 'text-amber-400'" data-testid="tv-live">
            <span class="inline-block size-3 rounded-full" [class]="live() ? 'bg-emerald-400' : 'bg-amber-400'"></span>
            {{ i18n.t(live() ? 'tv.board.live' : 'tv.board.reconnecting') }}
          </span>
        </nav>

        <main class="min-h-0 flex-1">
          <ol [class]="listClass[view()]" [attr.data-testid]="'tv-' + view()">
            @switch (view()) {
              @case ('ranking') {
                @for (row of data.ranking; track row.rank) {
                  <li class="flex items-center gap-5 rounded-xl bg-neutral-900 px-6 py-3 text-4xl" data-testid="tv-ranking-row">
                    <span class="w-14 font-bold text-neutral-400">{{ row.rank }}</span>
                    <span class="min-w-0 flex-1 truncate font-semibold">{{ row.name ?? i18n.t('tv.board.removedAgent') }}</span>
                    <span class="w-24 shrink-0 text-center text-2xl" [class]="movementClass(row.movement)">{{ movement(row.movement) }}</span>
                    <span class="w-16 shrink-0 text-right text-3xl text-neutral-300">{{ row.sales | format: 'integer' }}</span>
                    <span class="w-96 shrink-0 text-right font-semibold text-emerald-400">{{ row.saleValue | format: 'brl' }}</span>
                  </li>
                }
              }
              @case ('sales') {
                @for (sale of data.latestSales; track sale.id) {
                  <li class="flex items-center gap-6 rounded-xl bg-neutral-900 px-6 py-4 text-4xl">
                    <span class="w-32 text-neutral-400">{{ time(sale.closedAt) }}</span>
                    <span class="flex-1 font-semibold">{{ sale.agentName ?? i18n.t('tv.board.removedAgent') }}</span>
                    <span class="font-semibold text-emerald-400">{{ sale.saleValue | format: 'brl' }}</span>
                  </li>
                }
              }
              @case ('goals') {
                @for (goal of data.goals; track goal.id) {
                  <li class="space-y-2 text-4xl">
                    <p class="flex justify-between">
                      <span>{{ goal.name ?? i18n.t('tv.board.wholeCompany') }}</span
                      ><span>{{ goal.done | format: 'rate' }}</span>
                    </p>
                    <div class="relative h-6 rounded-full bg-neutral-800">
                      <div class="h-6 rounded-full" [class]="goalClass(goal)" [style.width.%]="Math.min(100, goal.done * 100)"></div>
                      <div class="absolute top-0 h-6 w-1 bg-white" [style.left.%]="Math.min(100, goal.expectedByNow * 100)"></div>
                    </div>
                  </li>
                }
              }
            }
            @if (nothing(); as text) {
              <li class="text-4xl text-neutral-400">{{ text }}</li>
            }
          </ol>
        </main>

        @if (data.latestSales[0]; as last) {
          <footer class="truncate rounded-xl bg-emerald-900/60 px-6 py-3 text-3xl" data-testid="tv-ticker">
            {{ time(last.closedAt) }} · {{ last.agentName ?? i18n.t('tv.board.removedAgent') }} · {{ last.saleValue | format: 'brl' }}
          </footer>
        }
      </div>
    } @else {
      <div class="flex h-full items-center justify-center p-16 text-center text-4xl text-neutral-300" role="alert" data-testid="tv-message">
        {{ message() ?? i18n.t('common.loading') }}
      </div>
    }
  `,
})
export class TvBoardPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TvApi);
  protected readonly Math = Math;
  protected readonly views = TV_VIEWS;
  protected readonly board = signal<TvBoard | null>(null);
  protected readonly view = signal<TvView>('ranking');
  protected readonly live = signal(false);
  protected readonly message = signal<string | null>(null);
  private readonly token = tvTokenFromFragment(window.location.hash);
  private readonly timers: ReturnType<typeof setTimeout>[] = [];
  private ticker: Subscription | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;

  constructor() {
    this.load();
    this.follow();
    this.timers.push(setInterval(() => this.load(), TV_REFRESH_SECONDS * 1000));
    this.timers.push(setInterval(() => this.view.set(TV_VIEWS[(TV_VIEWS.indexOf(this.view()) + 1) % TV_VIEWS.length]), TV_VIEW_SECONDS * 1000));
    inject(DestroyRef).onDestroy(() => {
      for (const timer of this.timers) clearInterval(timer);
      if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
      this.ticker?.unsubscribe();
    });
  }

  /** Today's sales and the period's, side by side in the header. */
  protected readonly figures = computed(() => {
    const board = this.board();
    if (!board) return [];
    return [
      { key: 'today', label: 'tv.board.today', totals: board.today, class: '' },
      { key: 'period', label: 'tv.board.period', totals: board.periodTotals, class: 'text-emerald-400' },
    ] as const;
  });
  protected readonly listClass: Record<TvView, string> = {
    ranking: 'grid grid-flow-col grid-rows-10 gap-x-10 gap-y-2',
    sales: 'space-y-3',
    goals: 'space-y-6',
  };
  /** What the current view says when its list is empty (nothing while the board has not arrived). */
  protected readonly nothing = computed(() => {
    const board = this.board();
    if (!board) return null;
    const rows = { ranking: board.ranking, sales: board.latestSales, goals: board.goals }[this.view()];
    if (rows.length > 0) return null;
    return this.i18n.t(this.view() === 'goals' ? 'tv.board.noGoals' : 'tv.board.noSales');
  });

  protected viewKey = (view: TvView): MessageKey => `tv.board.${view}` as MessageKey;
  protected movement = (value: number | null) => movementText(value, this.i18n.t('tv.board.new'));
  protected movementClass = (value: number | null) => (value === null || value === 0 ? 'text-neutral-500' : value > 0 ? 'text-emerald-400' : 'text-rose-400');
  protected goalClass = (goal: TvBoardGoal) => (goal.status === 'behind' ? 'bg-rose-500' : goal.status === 'ahead' ? 'bg-emerald-400' : 'bg-sky-400');
  protected time = (iso: string) => new Date(iso).toLocaleTimeString(this.i18n.language(), { hour: '2-digit', minute: '2-digit' });

  private load(): void {
    this.api.board('week', this.token).subscribe({
      next: (board) => {
        this.message.set(null);
        this.board.set(board);
      },
      error: (error: unknown) => {
        const refused = error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403);
        if (refused) this.board.set(null);
        this.message.set(refused ? this.i18n.t('tv.board.noAccess') : this.i18n.t('tv.board.error'));
      },
    });
  }

  /** The live ticker; when it ends or fails it comes back by itself, backing off up to a minute. */
  private follow(): void {
    this.ticker?.unsubscribe();
    this.ticker = this.api.stream('week', this.token).subscribe({
      next: (sale) => {
        this.attempts = 0;
        this.live.set(true);
        const board = this.board();
        if (board) this.board.set({ ...board, latestSales: withSale(board.latestSales, sale) });
      },
      error: (error: unknown) => this.retry(error instanceof TvStreamError && error.status === 401),
      complete: () => this.retry(false),
    });
    // The stream answers headers at once; count it live until it fails.
    this.live.set(true);
  }

  private retry(refused: boolean): void {
    this.live.set(false);
    if (refused) this.load();
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => this.follow(), reconnectDelay(this.attempts) * 1000);
  }
}

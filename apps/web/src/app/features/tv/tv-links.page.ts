import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TV_TOKEN_FRAGMENT, type CreatedTvLink, type TeamView, type TvLinkView } from '@fasto/contracts';
import { TeamsApi, TvApi } from '@fasto/api-client';
import { CardList, CardTemplate, PageHeader, SelectOptions } from '@fasto/ui';
import { tap, type Observable } from 'rxjs';
import { FormatPipe } from '../../core/format/format.pipe';
import { I18n } from '../../core/i18n/i18n.service';
import { Icon } from '../../shared/icon';
import { RevokeAction, type RevokeWords } from '../../shared/revoke-action';
import { SecretReveal } from '../../shared/secret-reveal';

/** Where a TV opens the board: the token rides in the fragment, which never reaches a server. */
export const tvUrlOf = (token: string, origin = window.location.origin): string => `${origin}/tv#${TV_TOKEN_FRAGMENT}=${encodeURIComponent(token)}`;

/** The organization's TV links (admins): create one for the company or a team, copy it once, revoke it. */
@Component({
  selector: 'app-tv-links-page',
  imports: [FormsModule, SelectOptions, Icon, RevokeAction, SecretReveal, PageHeader, CardList, CardTemplate, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mx-auto max-w-4xl space-y-5">
      <ui-page-header [title]="i18n.t('nav.tv')" [help]="i18n.t('tv.links.help')">
        <a class="btn-outline" href="/tv" target="_blank" rel="noopener" data-testid="tv-open-board">{{ i18n.t('tv.links.open') }}</a>
      </ui-page-header>

      <form class="card flex flex-wrap items-end gap-3 p-4" (ngSubmit)="create()">
        <label class="flex min-w-48 flex-1 flex-col gap-1 text-sm">
          {{ i18n.t('tv.links.name') }}
          <input class="input" name="name" required maxlength="80" [(ngModel)]="name" data-testid="tv-link-name" />
        </label>
        <label class="flex min-w-48 flex-col gap-1 text-sm">
          {{ i18n.t('tv.links.team') }}
          <select class="input" name="teamId" [(ngModel)]="teamId" [uiOptions]="teams()" [none]="wholeCompany()" data-testid="tv-link-team"></select>
        </label>
        <button type="submit" class="btn-primary" [disabled]="busy() || !name.trim()" data-testid="tv-link-create">
          <app-icon name="plus" [size]="16" />{{ i18n.t('tv.links.create') }}
        </button>
      </form>

      @if (created(); as done) {
        <app-secret-reveal
          class="card p-4"
          [secret]="urlOf(done.token)"
          [warning]="i18n.t('tv.links.createdHelp')"
          [label]="i18n.t('tv.links.url')"
          testId="tv-link-url"
          data-testid="tv-link-created"
        />
      }

      <ui-card-list testId="tv-link" [items]="links()" [failed]="failed()" [texts]="texts()" [skeletonCount]="1" (retried)="load()">
        <ng-template uiCard [uiCardOf]="links()" let-link>
          <div class="flex flex-wrap items-center gap-3">
            <div class="min-w-0 flex-1">
              <p class="font-medium">{{ link.name }}</p>
              <p class="mt-1 text-xs text-muted">
                {{ teamName(link.teamId) }} · {{ i18n.t('tv.links.prefix') }} <span class="font-mono">{{ link.prefix }}</span> ·
                {{ i18n.t('tv.links.lastUsed') }}: {{ link.lastUsedAt ? (link.lastUsedAt | format: 'dateTime') : i18n.t('tv.links.never') }}
              </p>
            </div>
            <app-revoke-action [credential]="link" [words]="revokeWords" testId="tv-link-revoke" [run]="() => revoke(link)" />
          </div>
        </ng-template>
      </ui-card-list>
      @if (error()) {
        <p class="text-sm text-negative" role="alert">{{ error() }}</p>
      }
    </div>
  `,
})
export class TvLinksPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TvApi);
  protected readonly urlOf = (token: string) => tvUrlOf(token);
  protected readonly revokeWords: RevokeWords = {
    revoked: 'tv.links.revoked',
    revoke: 'tv.links.revoke',
    revokeOf: 'tv.links.revokeOf',
    revokeConfirm: 'tv.links.revokeConfirm',
  };
  protected readonly links = signal<TvLinkView[] | null>(null);
  protected readonly teams = signal<TeamView[]>([]);
  /** A link without a team shows the whole company's numbers. */
  protected readonly wholeCompany = computed(() => this.i18n.t('tv.links.wholeCompany'));
  protected readonly created = signal<CreatedTvLink | null>(null);
  protected readonly failed = signal(false);
  protected readonly texts = computed(() => ({ empty: this.i18n.t('tv.links.empty'), error: this.i18n.t('tv.links.error') }));
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected name = '';
  protected teamId = '';

  constructor() {
    this.load();
    inject(TeamsApi)
      .list({ limit: 100 })
      .subscribe({ next: (page) => this.teams.set(page.items), error: () => this.teams.set([]) });
  }

  protected teamName(teamId: string | null): string {
    return teamId ? (this.teams().find((team) => team.id === teamId)?.name ?? '—') : this.wholeCompany();
  }

  protected load(): void {
    this.failed.set(false);
    this.api.links().subscribe({
      next: ({ items }) => this.links.set(items),
      error: () => this.failed.set(true),
    });
  }

  protected create(): void {
    this.busy.set(true);
    this.error.set('');
    this.api.createLink({ name: this.name.trim(), teamId: this.teamId || null }).subscribe({
      next: (link) => {
        this.busy.set(false);
        this.created.set(link);
        this.name = '';
        this.load();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(this.i18n.error(error));
      },
    });
  }

  protected revoke(link: TvLinkView): Observable<unknown> {
    return this.api.revokeLink(link.id).pipe(tap(() => this.load()));
  }
}

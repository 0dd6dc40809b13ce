import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n.service';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto flex max-w-lg flex-col items-center gap-4 py-24 text-center" data-testid="not-found">
      <p class="text-7xl font-semibold tracking-tight text-gold-600 dark:text-gold-500">404</p>
      <h1 class="text-2xl font-semibold">{{ i18n.t('common.notFound') }}</h1>
      <p class="text-muted">{{ i18n.t('common.notFoundHelp') }}</p>
      <a routerLink="/" class="btn-primary">{{ i18n.t('common.goHome') }}</a>
    </section>
  `,
})
export class NotFoundPage {
  protected readonly i18n = inject(I18n);
}

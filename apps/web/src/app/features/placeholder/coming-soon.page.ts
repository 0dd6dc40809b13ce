import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { map } from 'rxjs';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages.pt';

/** Screens of the next iteration (members, teams, funnels, …) land here until they are built. */
@Component({
  selector: 'app-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto flex max-w-lg flex-col items-center gap-3 py-24 text-center">
      <span
        class="rounded-full border border-gold-500/40 bg-gold-400/10 px-3 py-1 text-xs font-semibold tracking-widest text-gold-600 uppercase dark:text-gold-300"
        >{{ i18n.t('common.soon') }}</span
      >
      <h1 class="text-2xl font-semibold">{{ i18n.t(title()) }}</h1>
      <p class="text-zinc-500">{{ i18n.t('common.soonHelp') }}</p>
    </section>
  `,
})
export class ComingSoonPage {
  protected readonly i18n = inject(I18n);
  protected readonly title = toSignal(inject(ActivatedRoute).data.pipe(map((data) => data['title'] as MessageKey)), {
    initialValue: 'common.soon' as MessageKey,
  });
}

import { inject, type Provider } from '@angular/core';
import { UI_TEXT, type UiText } from '@fasto/ui';
import { I18n } from './i18n.service';

/** The shared UI pieces (libs/ui) speak the app's language. */
export function provideUiText(): Provider {
  return {
    provide: UI_TEXT,
    useFactory: (): UiText => {
      const i18n = inject(I18n);
      return {
        language: i18n.language,
        loadMore: () => i18n.t('common.loadMore'),
        loading: () => i18n.t('common.loading'),
        retry: () => i18n.t('common.retry'),
        from: () => i18n.t('common.from'),
        to: () => i18n.t('common.to'),
        close: () => i18n.t('common.close'),
        cancel: () => i18n.t('common.cancel'),
        save: () => i18n.t('common.save'),
        failure: (error) => i18n.error(error),
      };
    },
  };
}

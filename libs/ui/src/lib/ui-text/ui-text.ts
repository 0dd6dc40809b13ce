import { InjectionToken, signal, type Signal } from '@angular/core';

export type UiLanguage = 'pt-BR' | 'en';

/** The few words the shared pieces say themselves; everything else comes in through inputs. */
export interface UiText {
  readonly language: Signal<UiLanguage>;
  readonly loadMore: () => string;
  readonly loading: () => string;
  readonly retry: () => string;
  readonly from: () => string;
  readonly to: () => string;
  readonly close: () => string;
  readonly cancel: () => string;
  readonly save: () => string;
  /** What a failed request says to the user (the app knows its errors' shape and words). */
  readonly failure: (error: unknown) => string;
}

/** The app provides its translations (apps/web/src/app/core/i18n/ui-text.ts); tests get Portuguese. */
export const UI_TEXT = new InjectionToken<UiText>('UI_TEXT', {
  providedIn: 'root',
  factory: () => ({
    language: signal<UiLanguage>('pt-BR'),
    loadMore: () => 'Carregar mais',
    loading: () => 'Carregando…',
    retry: () => 'Tentar novamente',
    from: () => 'De',
    to: () => 'Até',
    close: () => 'Fechar',
    cancel: () => 'Cancelar',
    save: () => 'Salvar',
    failure: () => 'Não foi possível concluir. Tente novamente.',
  }),
});

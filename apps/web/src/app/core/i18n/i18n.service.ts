import { Injectable, inject } from '@angular/core';
import { PreferencesStore } from '../preferences/preferences.store';
import type { FormProblem } from '@fasto/ui';
import { errorProblems, errorText, errorTexts } from './error-text';
import { interpolate, type MessageParams } from './interpolate';
import { EN, PT, type MessageKey } from './messages';

export type Language = 'pt-BR' | 'en';
export const LANGUAGES: readonly Language[] = ['pt-BR', 'en'];

/** UI text by key in the chosen language; `{name}` placeholders and `{n, plural, …}` blocks are filled from `params`. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly preferences = inject(PreferencesStore);
  readonly language = this.preferences.language;

  t(key: MessageKey, params?: MessageParams): string {
    // A key without a text (a dynamic key out of its family) shows as itself, which the e2e suite reports.
    return interpolate(this.language(), (this.language() === 'en' ? EN : PT)[key] ?? key, params);
  }

  /** A failed request as one translated sentence, from its error code (never the API's English text). */
  error(error: unknown): string {
    return errorText(this.language(), error);
  }

  /** Like `error`, but a validation failure lists its fields by their form labels. */
  errors(error: unknown, labels?: Readonly<Record<string, string>>): string[] {
    return errorTexts(this.language(), error, labels);
  }

  /** Like `errors`, each message keeping the field it is about, for a form to show beside that field. */
  problems(error: unknown, labels?: Readonly<Record<string, string>>): FormProblem[] {
    return errorProblems(this.language(), error, labels);
  }
}

import { FormCheck, type FormProblem } from '@fasto/ui';
import type { I18n } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';

/** A client-side check that failed: its message, on the input the API names `field` (so the API's answers land in the same place). */
export interface FieldError {
  readonly field: string | null;
  readonly key: MessageKey;
}

/** One rule of a form: `[field, message, fails]`. */
export type FieldRule = readonly [field: string | null, key: MessageKey, fails: boolean];

/** A form's rules written in one list, each beside the input it is about; the answer keeps the failing ones, in order. */
export const failedRules = (...rules: readonly FieldRule[]): FieldError[] => rules.filter(([, , fails]) => fails).map(([field, key]) => ({ field, key }));

/** A form's checks made into translated problems tied to their inputs. */
export function formCheck(i18n: I18n, errors: () => readonly FieldError[]): FormCheck {
  return new FormCheck(() => errors().map((error): FormProblem => ({ field: error.field, message: i18n.t(error.key) })));
}

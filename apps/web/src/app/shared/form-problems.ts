import { FormCheck, type FormProblem } from '@fasto/ui';
import type { I18n } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';

/** Which input each client-side message is about (the API's field names, so its answers land in the same place). */
export type ProblemFields = Partial<Record<MessageKey, string>>;

/** A form's checks, written as message keys, made into problems tied to their inputs. */
export function formCheck(i18n: I18n, keys: () => readonly MessageKey[], fields: ProblemFields = {}): FormCheck {
  return new FormCheck(() => keys().map((key): FormProblem => ({ field: fields[key] ?? null, message: i18n.t(key) })));
}

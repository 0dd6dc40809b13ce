import type { WritableSignal } from '@angular/core';
import { form, metadata, REQUIRED, type FieldTree } from '@angular/forms/signals';

/**
 * A sign-in page's text bound with signal forms: `name` for password managers and `required` for screen readers.
 * The attribute only (metadata, not a validator): the page itself decides when it can be sent.
 */
export function requiredField(model: WritableSignal<string>, name: string): FieldTree<string> {
  return form(model, (path) => void metadata(path, REQUIRED, () => true), { name });
}

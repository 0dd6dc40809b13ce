import { InjectionToken, type Signal } from '@angular/core';
import type { FormProblem } from './form-problem';

/**
 * The problems of the form a field sits in (`ui-form-dialog` gives them), so its fields need not each be
 * handed the list: a `ui-field` given problems of its own uses those instead.
 */
export const FORM_PROBLEMS = new InjectionToken<Signal<readonly FormProblem[]>>('FORM_PROBLEMS');

import { inject, Pipe, type PipeTransform } from '@angular/core';
import { isTenantPlan } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';

/** A plan by its name in the UI language; a plan stored before the list existed shows as stored. */
export function planName(i18n: I18n, plan: string): string {
  return isTenantPlan(plan) ? i18n.t(`plan.${plan}`) : plan;
}

/** Impure: the name follows the language signal, and a pure pipe would not run again when only the language changes. */
@Pipe({ name: 'planName', pure: false })
export class PlanNamePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(plan: string): string {
    return planName(this.i18n, plan);
  }
}

import { isTenantPlan } from '@fasto/contracts';
import type { I18n } from '../../core/i18n/i18n.service';

/** A plan by its name in the UI language; a plan stored before the list existed shows as stored. */
export function planName(i18n: I18n, plan: string): string {
  return isTenantPlan(plan) ? i18n.t(`plan.${plan}`) : plan;
}

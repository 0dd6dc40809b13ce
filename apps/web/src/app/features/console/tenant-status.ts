import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TenantStatus } from '@fasto/contracts';
import { I18n } from '../../core/i18n/i18n.service';

const TONES: Record<TenantStatus, string> = {
  [TenantStatus.Trial]: 'border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-300',
  [TenantStatus.Active]: 'border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300',
  [TenantStatus.Suspended]: 'border-amber-500/30 bg-amber-500/10 text-amber-700 dark:text-amber-300',
  [TenantStatus.Cancelled]: 'border-red-500/30 bg-red-500/10 text-red-700 dark:text-red-300',
};

@Component({
  selector: 'app-tenant-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="tone()" data-testid="tenant-status">{{ i18n.t(label()) }}</span>`,
})
export class TenantStatusBadge {
  protected readonly i18n = inject(I18n);
  readonly status = input.required<TenantStatus>();
  protected readonly tone = computed(() => TONES[this.status()]);
  protected readonly label = computed(() => `tenant.status.${this.status()}` as const);
}

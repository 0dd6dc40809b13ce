import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { AttendancesApi, AuthSession } from '@fasto/api-client';
import { Role, type AttendanceDetail, type UpdateAttendanceRequest } from '@fasto/contracts';
import { Subscription } from 'rxjs';
import { formatBrl, formatDateTime, formatMinutes } from '../../core/format/format';
import { I18n } from '../../core/i18n/i18n.service';
import { apiMessage } from '../../shared/api-error';
import { ColorChip } from '../../shared/color-chip';
import { Icon } from '../../shared/icon';
import { ScoreBadge } from '../../shared/score-badge';
import { AttendanceEditOptions, type EditOptions } from './attendance-edit-options';

/** Slide-over with everything about one attendance, and the corrections admins/managers may make. */
@Component({
  selector: 'app-attendance-detail',
  imports: [Icon, ScoreBadge, ColorChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  templateUrl: './attendance-detail.html',
})
export class AttendanceDetailPanel {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AttendancesApi);
  private readonly options = inject(AttendanceEditOptions);
  private readonly session = inject(AuthSession);
  private readonly role = computed(() => this.session.user()?.role);
  readonly id = input.required<string>();
  readonly closed = output();
  readonly updated = output<AttendanceDetail>();

  protected readonly dateTime = formatDateTime;
  protected readonly minutes = formatMinutes;
  protected readonly brl = formatBrl;
  protected readonly detail = signal<AttendanceDetail | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly canEdit = computed(() => this.role() === Role.Admin || this.role() === Role.Manager);
  protected readonly editing = signal(false);
  protected readonly editOptions = signal<EditOptions>({ stages: [], origins: [] });
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saved = signal(false);
  private loading = new Subscription();

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  protected startEdit(): void {
    const detail = this.detail();
    const role = this.role();
    if (!detail || !role) return;
    this.editing.set(true);
    this.saved.set(false);
    this.options.for(role, detail).subscribe((options) => this.editOptions.set(options));
  }

  protected save(form: HTMLFormElement): void {
    const detail = this.detail();
    if (!detail) return;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const converted = (form.elements.namedItem('converted') as HTMLInputElement).checked;
    const sale = field('saleValue').replace(/\./g, '').replace(',', '.').trim();
    const request: UpdateAttendanceRequest = {
      funnelStageId: field('stage') || null,
      originItemId: field('origin') || null,
      converted,
      saleValue: sale === '' ? null : Number(sale),
    };
    if (request.saleValue !== null && request.saleValue !== undefined && !Number.isFinite(request.saleValue)) {
      this.saveError.set(this.i18n.t('auth.genericError'));
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.api.update(detail.id, request).subscribe({
      next: (updated) => {
        this.detail.set(updated);
        this.updated.emit(updated);
        this.saving.set(false);
        this.editing.set(false);
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(apiMessage(error) ?? this.i18n.t('auth.genericError'));
      },
    });
  }

  private load(id: string): void {
    this.loading.unsubscribe();
    this.state.set('loading');
    this.editing.set(false);
    this.saved.set(false);
    this.loading = this.api.get(id).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }
}

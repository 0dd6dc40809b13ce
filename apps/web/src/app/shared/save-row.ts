import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';

/** A page form's last row: what went through ("saved", until the next edit) beside its submit button. */
@Component({
  selector: 'app-save-row',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'flex items-center justify-end gap-3' },
  template: `
    @if (saved()) {
      <span class="text-sm text-positive" role="status" [attr.data-testid]="savedTestId()">{{ savedText() ?? i18n.t('common.saved') }}</span>
    }
    <button type="submit" class="btn-primary" [disabled]="disabled()" [attr.data-testid]="testId()">{{ label() ?? i18n.t('common.save') }}</button>
  `,
})
export class SaveRow {
  protected readonly i18n = inject(I18n);
  readonly saved = input(false);
  /** While busy, or while the form cannot be sent yet. */
  readonly disabled = input(false);
  readonly testId = input.required<string>();
  readonly label = input<string | null>(null);
  readonly savedText = input<string | null>(null);
  readonly savedTestId = input<string | null>(null);
}

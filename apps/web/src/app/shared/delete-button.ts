import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ConfirmButton, RowAction, type ConfirmedWork } from '@fasto/ui';
import { I18n } from '../core/i18n/i18n.service';
import type { MessageParams } from '../core/i18n/interpolate';
import type { MessageKey } from '../core/i18n/messages';
import { Icon } from './icon';

/** The feature's own words for a removal: the button's name and the question (both take `params`), and the confirmation's OK. */
export interface DeleteWords {
  label: MessageKey;
  question: MessageKey;
  action: MessageKey;
}

/**
 * A row's icon-only delete (a funnel's stage, a webhook): the trash icon, named for its row, red, and asking first with
 * the feature's words; `run` only once confirmed. `<app-delete-button [words]="deleteWords" [params]="{ name }" testId="…" [run]="…" />`.
 */
@Component({
  selector: 'app-delete-button',
  imports: [ConfirmButton, RowAction, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      uiRowAction="icon"
      [label]="i18n.t(words().label, params())"
      [testId]="testId()"
      [uiConfirm]="i18n.t(words().question, params())"
      [confirmLabel]="i18n.t(words().action)"
      [run]="run()"
    >
      <app-icon name="trash" [size]="16" />
    </button>
  `,
})
export class DeleteButton {
  protected readonly i18n = inject(I18n);
  readonly words = input.required<DeleteWords>();
  /** What the label and the question name ("{name}", "{url}"). */
  readonly params = input.required<MessageParams>();
  readonly testId = input.required<string>();
  readonly run = input.required<ConfirmedWork>();
}

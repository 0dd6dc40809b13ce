import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ConfirmButton, RowAction, type ConfirmedWork } from '@fasto/ui';
import { I18n } from '../core/i18n/i18n.service';
import type { MessageKey } from '../core/i18n/messages';

/** A credential a row shows (API key, TV link): named, and revoked for good once `revokedAt` is set. */
export interface Revocable {
  name: string;
  revokedAt: string | null;
}

/** The feature's own words for its credential ("Revogada" for a key, "Revogado" for a link); the last two take `{name}`. */
export interface RevokeWords {
  revoked: MessageKey;
  revoke: MessageKey;
  revokeOf: MessageKey;
  revokeConfirm: MessageKey;
}

/**
 * A credential row's end: "revoked" once it is, else a Revoke row action that asks first (the consequence in its
 * question) and runs `run` once confirmed. `<app-revoke-action [credential]="key" [words]="revokeWords" testId="revoke-key" [run]="…" />`.
 */
@Component({
  selector: 'app-revoke-action',
  imports: [ConfirmButton, RowAction],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let name = credential().name;
    @if (credential().revokedAt) {
      <span class="chip">{{ i18n.t(words().revoked) }}</span>
    } @else {
      <button uiRowAction [label]="i18n.t(words().revokeOf, { name })" [testId]="testId()" [uiConfirm]="i18n.t(words().revokeConfirm, { name })" [run]="run()">
        {{ i18n.t(words().revoke) }}
      </button>
    }
  `,
})
export class RevokeAction {
  protected readonly i18n = inject(I18n);
  readonly credential = input.required<Revocable>();
  readonly words = input.required<RevokeWords>();
  /** The Revoke button's test id. */
  readonly testId = input.required<string>();
  readonly run = input.required<ConfirmedWork>();
}

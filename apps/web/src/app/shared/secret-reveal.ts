import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';
import { Icon } from './icon';

let nextId = 0;

/**
 * A secret the API hands over only once (an API key, a webhook's signing secret, a TV link): the
 * warning that it will not be shown again, the value in a read-only field and a copy button that
 * says when it copied. Never showing it again is the caller's rule: it drops the value on close. The
 * button's words are the same for every secret, so they are the component's own.
 */
@Component({
  selector: 'app-secret-reveal',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <p class="mb-3 rounded-lg border border-gold-500/40 bg-gold-400/10 px-3 py-2 text-sm text-gold-700 dark:text-gold-300" role="alert">
      {{ warning() }}
    </p>
    <label class="label" [class.sr-only]="!labelVisible()" [for]="inputId">{{ label() }}</label>
    <div class="flex gap-2">
      <input [id]="inputId" class="input font-mono text-xs" readonly [value]="secret()" [attr.data-testid]="testId()" />
      <button type="button" class="btn-outline shrink-0" (click)="copy()" [attr.data-testid]="copyTestId()">
        <app-icon [name]="copied() ? 'check' : 'copy'" [size]="16" />{{ i18n.t(copied() ? 'common.copied' : 'common.copy') }}
      </button>
    </div>
  `,
})
export class SecretReveal {
  readonly secret = input.required<string>();
  readonly warning = input.required<string>();
  /** The field's name; screen readers only unless `labelVisible`. */
  readonly label = input.required<string>();
  readonly labelVisible = input(false);
  /** Names the field; the copy button is `<testId>-copy`. */
  readonly testId = input.required<string>();

  protected readonly i18n = inject(I18n);
  protected readonly copyTestId = computed(() => `${this.testId()}-copy`);

  protected readonly inputId = `secret-reveal-${nextId++}`;
  /** A new secret has not been copied yet. */
  protected readonly copied = linkedSignal({ source: this.secret, computation: () => false });

  protected copy(): void {
    void navigator.clipboard?.writeText(this.secret()).then(
      () => this.copied.set(true),
      () => this.copied.set(false),
    );
  }
}

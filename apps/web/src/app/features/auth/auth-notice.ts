import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type AuthNoticeTone = 'done' | 'info' | 'warning' | 'error';

const TONE_CLASS: Readonly<Record<AuthNoticeTone, string>> = {
  done: 'border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300',
  info: 'border-gold-500/40 bg-gold-400/10 text-gold-700 dark:text-gold-300',
  warning: 'border-amber-500/40 bg-amber-500/10',
  error: 'border-red-500/30 bg-red-500/10 text-red-700 dark:text-red-300',
};

/** A boxed message on a signed-out page: done and info are read out when convenient (status), a warning or an error at once (alert). */
@Component({
  selector: 'app-auth-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    class: 'block rounded-lg border px-3 py-2 text-sm',
    '[class]': 'toneClass()',
    '[attr.role]': "tone() === 'done' || tone() === 'info' ? 'status' : 'alert'",
    '[attr.data-testid]': 'testId()',
  },
  template: `<ng-content />`,
})
export class AuthNotice {
  readonly tone = input.required<AuthNoticeTone>();
  readonly testId = input<string | null>(null);
  protected readonly toneClass = computed(() => TONE_CLASS[this.tone()]);
}

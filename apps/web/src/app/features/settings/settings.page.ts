import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { form, FormField, MAX, metadata, MIN } from '@angular/forms/signals';
import { AuthSession, TenantApi } from '@fasto/api-client';
import { Field, FieldControl, FormErrors, LoadState, PageHeader } from '@fasto/ui';
import { BrandingStore } from '../../core/branding/branding.store';
import { I18n } from '../../core/i18n/i18n.service';
import { formCheck } from '../../shared/form-problems';
import { SaveRow } from '../../shared/save-row';
import { ALERT_NUMBERS, settingsDraftOf, settingsErrors, settingsRequest, type SettingsDraft } from './settings-form';

const EMPTY: SettingsDraft = { name: '', timezone: '', logoUrl: '', primaryColor: '', lowScoreThreshold: '', firstResponseSlaMinutes: '' };
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The organization's settings (admins): name, branding applied to the shell, time zone, alert thresholds. */
@Component({
  selector: 'app-settings-page',
  imports: [FormField, Field, FieldControl, FormErrors, PageHeader, LoadState, SaveRow],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mx-auto max-w-3xl space-y-5">
      <ui-page-header [title]="i18n.t('nav.settings')" />
      @if (loaded()) {
        <form class="space-y-5" (submit)="save($event)" novalidate>
          <section class="card space-y-4 p-5">
            <h2 class="font-semibold">{{ i18n.t('settings.organization') }}</h2>
            <ui-field controlId="settings-name" name="name" [label]="i18n.t('settings.name')" [problems]="check.problems()">
              <input uiControl class="input" [formField]="form.name" />
            </ui-field>
            <ui-field
              controlId="settings-timezone"
              name="timezone"
              [label]="i18n.t('settings.timezone')"
              [hint]="i18n.t('settings.timezoneHelp')"
              [problems]="check.problems()"
            >
              <input uiControl class="input" list="settings-zones" [formField]="form.timezone" />
              <datalist id="settings-zones">
                @for (zone of zones; track zone) {
                  <option [value]="zone"></option>
                }
              </datalist>
            </ui-field>
          </section>

          <section class="card space-y-4 p-5">
            <h2 class="font-semibold">{{ i18n.t('settings.branding') }}</h2>
            <ui-field controlId="settings-logo" name="branding.logoUrl" [label]="i18n.t('settings.logo')" [problems]="check.problems()">
              <input uiControl type="url" placeholder="https://" class="input" [formField]="form.logoUrl" />
            </ui-field>
            <div class="flex items-end gap-3">
              <!-- A colour input cannot be empty: it shows the default while the hex field is blank, and writes the hex field. -->
              <ui-field controlId="settings-color-picker" [label]="i18n.t('settings.primaryColor')">
                <input
                  #picker
                  uiControl
                  type="color"
                  class="h-10 w-14 cursor-pointer rounded-lg border border-zinc-300 bg-transparent dark:border-zinc-800"
                  [value]="draft().primaryColor || '#e6b94a'"
                  (input)="form.primaryColor().value.set(picker.value)"
                />
              </ui-field>
              <ui-field class="flex-1" controlId="settings-color" name="branding.primaryColor" [problems]="check.problems()">
                <label class="sr-only" for="settings-color">{{ i18n.t('settings.primaryColor') }}</label>
                <input uiControl class="input font-mono" placeholder="#e6b94a" [formField]="form.primaryColor" data-testid="settings-color" />
              </ui-field>
              <button type="button" class="btn-ghost" (click)="form.primaryColor().value.set('')">{{ i18n.t('settings.defaultColor') }}</button>
            </div>
            <p class="text-xs text-muted">{{ i18n.t('settings.brandingHelp') }}</p>
          </section>

          <section class="card grid gap-4 p-5 sm:grid-cols-2">
            <h2 class="font-semibold sm:col-span-2">{{ i18n.t('settings.alerts') }}</h2>
            @for (number of numbers; track number.id) {
              <ui-field
                [controlId]="number.id"
                [name]="'settings.' + number.key"
                [label]="i18n.t(number.label)"
                [hint]="i18n.t(number.hint)"
                [problems]="check.problems()"
              >
                <input uiControl type="number" class="input" [formField]="form[number.key]" />
              </ui-field>
            }
          </section>

          <ui-form-errors [problems]="check.problems()" />
          <app-save-row [saved]="saved()" [disabled]="busy()" testId="settings-save" />
        </form>
      } @else {
        <ui-load-state [failed]="failed()" [error]="i18n.t('settings.error')" shape="panels" [retryable]="true" (retried)="load()" />
      }
    </div>
  `,
})
export class SettingsPage {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TenantApi);
  private readonly branding = inject(BrandingStore);
  private readonly session = inject(AuthSession);
  protected readonly zones = ZONES;
  protected readonly draft = signal<SettingsDraft>(EMPTY);
  /** The alert numbers' min and max reach their inputs as attributes (the spinner's range); the rules stay in `check`. */
  protected readonly form = form(this.draft, (path) => {
    for (const number of ALERT_NUMBERS) {
      metadata(path[number.key], MIN, () => number.min);
      metadata(path[number.key], MAX, () => number.max);
    }
  });
  protected readonly loaded = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  /** The draft as last saved: "saved" shows until the next edit makes a new draft. */
  private readonly savedDraft = signal<SettingsDraft | null>(null);
  protected readonly saved = computed(() => this.savedDraft() === this.draft());
  protected readonly numbers = ALERT_NUMBERS;
  /** A number input's text the browser cannot read ("-", "5e") leaves the draft as it was, so it is a problem of its own. */
  private readonly unreadNumbers = () => ALERT_NUMBERS.filter((number) => this.form[number.key]().errors().length > 0).map((number) => number.key);
  protected readonly check = formCheck(this.i18n, () => settingsErrors(this.draft(), ZONES, this.unreadNumbers()));

  constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    this.api.get().subscribe({
      next: (tenant) => {
        this.draft.set(settingsDraftOf(tenant));
        this.loaded.set(true);
      },
      error: () => this.failed.set(true),
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    if (!this.check.submit() || this.busy()) return;
    this.busy.set(true);
    this.api.update(settingsRequest(draft)).subscribe({
      next: (tenant) => {
        this.busy.set(false);
        this.savedDraft.set(draft);
        this.branding.set(tenant);
        const user = this.session.user();
        if (user) this.session.updateUser({ ...user, tenantName: tenant.name });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.check.server.set(this.i18n.problems(error));
      },
    });
  }
}

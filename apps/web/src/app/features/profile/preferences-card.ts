import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { AuthSession, UsersApi } from '@fasto/api-client';
import { DIGEST_FREQUENCIES, Role, type DigestFrequency, type SupportedLocale } from '@fasto/contracts';
import { Field, FieldControl } from '@fasto/ui';
import { I18n, LANGUAGES } from '../../core/i18n/i18n.service';
import { PreferencesStore } from '../../core/preferences/preferences.store';
import { digestChoice, keepInSession, receivesDigest } from './profile-rules';

/**
 * Theme, language, sound and (managers, admins) the e-mail digest; each choice applies at once. Theme and language are
 * bound to the preferences store's own signals; sound (a yes/no kept as a boolean) and the digest (kept by the API) are
 * set by hand.
 */
@Component({
  selector: 'app-preferences-card',
  imports: [FormField, Field, FieldControl],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <section class="card p-5" data-testid="preferences-card">
      <h2 class="mb-4 font-semibold">{{ i18n.t('profile.preferences') }}</h2>
      <div class="grid gap-4 sm:grid-cols-3">
        <ui-field controlId="pref-theme" [label]="i18n.t('user.theme')">
          <select uiControl class="input" [formField]="theme">
            <option value="dark">{{ i18n.t('user.theme.dark') }}</option>
            <option value="light">{{ i18n.t('user.theme.light') }}</option>
          </select>
        </ui-field>
        <ui-field controlId="pref-language" [label]="i18n.t('user.language')">
          <select uiControl class="input" [formField]="language" (change)="saveLanguage()" data-testid="pref-language">
            @for (language of languages; track language) {
              <option [value]="language">{{ language === 'en' ? 'English' : 'Português' }}</option>
            }
          </select>
        </ui-field>
        <ui-field controlId="pref-sound" [label]="i18n.t('user.sound')">
          <select #sound uiControl class="input" (change)="preferences.soundMuted.set(sound.value === 'off')">
            <option value="on" [selected]="!preferences.soundMuted()">{{ i18n.t('user.sound.on') }}</option>
            <option value="off" [selected]="preferences.soundMuted()">{{ i18n.t('user.sound.off') }}</option>
          </select>
        </ui-field>
      </div>
      <p class="mt-3 text-xs text-muted">{{ i18n.t('profile.languageHelp') }}</p>
      @if (digestOffered()) {
        <ui-field class="mt-4 sm:max-w-md" controlId="pref-digest" [label]="i18n.t('profile.digest')" [hint]="i18n.t('profile.digestHelp')">
          <select #digest uiControl class="input" (change)="setDigest(digest.value)" data-testid="pref-digest">
            @for (frequency of digestFrequencies; track frequency) {
              <option [value]="frequency" [selected]="user()?.digest === frequency">{{ i18n.t(digestLabel(frequency)) }}</option>
            }
          </select>
        </ui-field>
      }
    </section>
  `,
})
export class PreferencesCard {
  protected readonly i18n = inject(I18n);
  protected readonly preferences = inject(PreferencesStore);
  private readonly session = inject(AuthSession);
  private readonly users = inject(UsersApi);
  protected readonly languages = LANGUAGES;
  protected readonly theme = form(this.preferences.theme);
  protected readonly language = form(this.preferences.language);
  protected readonly user = this.session.user;
  protected readonly digestOffered = computed(() => receivesDigest(this.user()?.role ?? Role.Agent));
  protected readonly digestFrequencies = DIGEST_FREQUENCIES;
  protected readonly digestLabel = (frequency: DigestFrequency) => `profile.digest.${frequency}` as const;

  /** The select has already set the language here (on `input`, before `change`); the API keeps it so emails and notifications speak it too. */
  protected saveLanguage(): void {
    this.users
      .updateMe({ locale: this.preferences.language() as SupportedLocale })
      .subscribe({ next: (view) => keepInSession(this.session, view), error: () => undefined });
  }

  protected setDigest(value: string): void {
    const digest = digestChoice(value);
    if (digest) this.users.updateMe({ digest }).subscribe({ next: (view) => keepInSession(this.session, view), error: () => undefined });
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { PageHeader } from '@fasto/ui';
import { I18n } from '../../core/i18n/i18n.service';
import { ChangePassword } from './change-password';
import { PreferencesCard } from './preferences-card';
import { ProfileDetails } from './profile-details';
import { SessionsCard } from './sessions-card';

/** Own profile, password, signed-in devices and preferences, one card each. */
@Component({
  selector: 'app-profile-page',
  imports: [PageHeader, ProfileDetails, ChangePassword, SessionsCard, PreferencesCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mx-auto max-w-4xl space-y-5">
      <ui-page-header [title]="i18n.t('nav.profile')" />
      <app-profile-details />
      <app-change-password (changed)="sessions.reload()" />
      <app-sessions-card #sessions />
      <app-preferences-card />
    </div>
  `,
})
export class ProfilePage {
  protected readonly i18n = inject(I18n);
}

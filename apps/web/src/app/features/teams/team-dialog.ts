import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { TeamsApi } from '@fasto/api-client';
import { Role, type TeamView, type UserView } from '@fasto/contracts';
import { ConfirmButton, Dialog, Field, FieldControl, FormActions, FormErrors } from '@fasto/ui';
import { EMPTY, tap, type Observable } from 'rxjs';
import { I18n } from '../../core/i18n/i18n.service';
import { inputValue } from '../../shared/api-error';
import { formCheck } from '../../shared/form-problems';
import { teamDraftOf, teamRequest, toggleMember, type TeamDraft } from './team-rules';

/** Create or edit a team (admins): name, funnel, origin group and who is in it. */
@Component({
  selector: 'app-team-dialog',
  imports: [Dialog, Field, FieldControl, FormErrors, ConfirmButton, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-dialog [title]="team()?.name ?? i18n.t('teams.create')" testId="team-dialog" (closed)="closed.emit()">
      <form class="space-y-4" (submit)="submit($event)" novalidate>
        <ui-field controlId="team-name" name="name" [label]="i18n.t('teams.name')" [problems]="check.problems()">
          <input uiControl class="input" [value]="draft().name" (input)="set({ name: value($event) })" />
        </ui-field>
        <div class="grid gap-3 sm:grid-cols-2">
          <div>
            <label class="label" for="team-funnel">{{ i18n.t('teams.funnel') }}</label>
            <select id="team-funnel" class="input" (change)="set({ funnelId: value($event) })" data-testid="team-funnel">
              <option value="" [selected]="!draft().funnelId">{{ i18n.t('common.none') }}</option>
              @for (funnel of funnels(); track funnel.id) {
                <option [value]="funnel.id" [selected]="draft().funnelId === funnel.id">{{ funnel.name }}</option>
              }
            </select>
          </div>
          <div>
            <label class="label" for="team-origins">{{ i18n.t('teams.origins') }}</label>
            <select id="team-origins" class="input" (change)="set({ originGroupId: value($event) })">
              <option value="" [selected]="!draft().originGroupId">{{ i18n.t('common.none') }}</option>
              @for (group of originGroups(); track group.id) {
                <option [value]="group.id" [selected]="draft().originGroupId === group.id">{{ group.name }}</option>
              }
            </select>
          </div>
        </div>
        <fieldset>
          <legend class="label">{{ i18n.t('teams.members') }} ({{ draft().memberIds.length }})</legend>
          <p class="mb-2 text-xs text-muted">{{ i18n.t('teams.membersHelp') }}</p>
          <ul class="max-h-60 divide-y divide-zinc-100 overflow-y-auto rounded-lg border border-zinc-200 dark:divide-zinc-900 dark:border-zinc-800">
            @for (person of people(); track person.id) {
              <li>
                <label class="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <input
                    type="checkbox"
                    class="accent-gold-500"
                    [checked]="draft().memberIds.includes(person.id)"
                    (change)="set({ memberIds: toggle(draft().memberIds, person.id) })"
                  />
                  <span class="min-w-0 flex-1 truncate">{{ person.fullName }}</span>
                  <span class="text-xs text-muted"
                    >{{ i18n.t(roleKey(person.role)) }}{{ person.teamId && person.teamId !== team()?.id ? ' · ' + (person.teamName ?? '') : '' }}</span
                  >
                </label>
              </li>
            }
          </ul>
        </fieldset>
        <ui-form-errors [problems]="check.problems()" />
        <ui-form-actions [submitLabel]="i18n.t('common.save')" submitTestId="team-save" [disabled]="busy()" (cancelled)="closed.emit()">
          @if (team()) {
            <button
              class="btn-ghost text-negative"
              data-testid="delete-team"
              [uiConfirm]="i18n.t('common.delete')"
              [message]="i18n.t('teams.deleteConfirm', { name: team()?.name ?? '' })"
              [run]="() => remove()"
            >
              {{ i18n.t('common.delete') }}
            </button>
          }
        </ui-form-actions>
      </form>
    </ui-dialog>
  `,
})
export class TeamDialog implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TeamsApi);
  readonly team = input<TeamView | null>(null);
  readonly people = input<UserView[]>([]);
  readonly funnels = input<{ id: string; name: string }[]>([]);
  readonly originGroups = input<{ id: string; name: string }[]>([]);
  readonly closed = output<void>();
  readonly saved = output<void>();
  protected readonly value = inputValue;
  protected readonly toggle = toggleMember;
  protected readonly roleKey = (role: Role) => `role.${role}` as const;
  protected readonly draft = signal<TeamDraft>(teamDraftOf(null));
  protected readonly busy = signal(false);
  protected readonly check = formCheck(this.i18n, () => (this.draft().name.trim() ? [] : ['teams.err.name']), { 'teams.err.name': 'name' });

  ngOnInit(): void {
    this.draft.set(teamDraftOf(this.team()));
  }

  protected set(patch: Partial<TeamDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...patch }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (!this.check.submit() || this.busy()) return;
    const team = this.team();
    const request = teamRequest(team, this.draft());
    if (team && Object.keys(request).length === 0) return this.saved.emit();
    this.busy.set(true);
    const call = team ? this.api.update(team.id, request) : this.api.create({ ...request, name: this.draft().name.trim() });
    call.subscribe({ next: () => this.saved.emit(), error: (error: unknown) => this.failed(error) });
  }

  protected remove(): Observable<unknown> {
    const team = this.team();
    return team ? this.api.delete(team.id).pipe(tap(() => this.saved.emit())) : EMPTY;
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.check.server.set(this.i18n.problems(error));
  }
}

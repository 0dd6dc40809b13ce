import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, type OnInit } from '@angular/core';
import { form, FormField } from '@angular/forms/signals';
import { CatalogApi, TeamsApi } from '@fasto/api-client';
import type { TeamView, UserView } from '@fasto/contracts';
import { CheckList, ConfirmButton, Field, FieldControl, FormDialog, pageItems, SelectOptions } from '@fasto/ui';
import { EMPTY, tap, type Observable } from 'rxjs';
import { I18n } from '../../core/i18n/i18n.service';
import { failedRules, formCheck } from '../../shared/form-problems';
import { teamDraftOf, teamRequest, withCurrent, type TeamDraft } from './team-rules';

/** Create or edit a team (admins): name, funnel, origin group and who is in it. */
@Component({
  selector: 'app-team-dialog',
  imports: [FormField, FormDialog, Field, FieldControl, SelectOptions, CheckList, ConfirmButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ui-form-dialog [title]="title()" testId="team-dialog" [check]="check" [busy]="busy()" (submitted)="submit()" (closed)="closed.emit()">
      <ui-field controlId="team-name" name="name" [label]="i18n.t('teams.name')">
        <input uiControl class="input" [formField]="form.name" />
      </ui-field>
      <div class="grid gap-3 sm:grid-cols-2">
        <ui-field controlId="team-funnel" name="funnelId" [label]="i18n.t('teams.funnel')">
          <select uiControl class="input" [formField]="form.funnelId" [uiOptions]="funnelOptions()" [none]="none()" data-testid="team-funnel"></select>
        </ui-field>
        <ui-field controlId="team-origins" name="originGroupId" [label]="i18n.t('teams.origins')">
          <select uiControl class="input" [formField]="form.originGroupId" [uiOptions]="originGroupOptions()" [none]="none()"></select>
        </ui-field>
      </div>
      <fieldset>
        <legend class="label">{{ i18n.t('teams.members') }} ({{ draft().memberIds.length }})</legend>
        <p class="mb-2 text-xs text-muted">{{ i18n.t('teams.membersHelp') }}</p>
        <ui-check-list class="max-h-60" [items]="memberItems()" [formField]="form.memberIds" />
      </fieldset>
      @if (team()) {
        <button
          uiFormExtra
          class="btn-ghost text-negative"
          data-testid="delete-team"
          [uiConfirm]="i18n.t('teams.deleteConfirm', { name: team()?.name ?? '' })"
          [run]="() => remove()"
        >
          {{ i18n.t('common.delete') }}
        </button>
      }
    </ui-form-dialog>
  `,
})
export class TeamDialog implements OnInit {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(TeamsApi);
  readonly team = input<TeamView | null>(null);
  readonly people = input<UserView[]>([]);
  readonly closed = output<void>();
  readonly saved = output<void>();
  /** The funnels and origin groups a team can use, read as the dialog opens (a list made meanwhile is there). */
  private readonly funnels = pageItems(inject(CatalogApi).funnels({ limit: 200 }));
  private readonly originGroups = pageItems(inject(CatalogApi).originGroups({ limit: 200 }));
  protected readonly funnelOptions = computed(() => withCurrent(this.funnels(), this.team()?.funnelId, this.team()?.funnelName));
  protected readonly originGroupOptions = computed(() => withCurrent(this.originGroups(), this.team()?.originGroupId, this.team()?.originGroupName));
  /** The empty first option of both: no funnel, no origin group. */
  protected readonly none = computed(() => this.i18n.t('common.none'));
  /** Everyone, with their role and, when they are in another team, that team: ticking them moves them here. */
  protected readonly memberItems = computed(() =>
    this.people().map((person) => ({
      id: person.id,
      name: person.fullName,
      detail: this.i18n.t(`role.${person.role}`) + (person.teamId && person.teamId !== this.team()?.id ? ' · ' + (person.teamName ?? '') : ''),
    })),
  );
  protected readonly title = computed(() => this.team()?.name ?? this.i18n.t('teams.create'));
  protected readonly draft = signal<TeamDraft>(teamDraftOf(null));
  protected readonly form = form(this.draft);
  protected readonly busy = signal(false);
  protected readonly check = formCheck(this.i18n, () => failedRules(['name', 'teams.err.name', !this.draft().name.trim()]));

  ngOnInit(): void {
    this.draft.set(teamDraftOf(this.team()));
  }

  protected submit(): void {
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

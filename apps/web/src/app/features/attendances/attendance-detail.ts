import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { form, FormField, type FieldTree } from '@angular/forms/signals';
import { AttendancesApi } from '@fasto/api-client';
import type { AttendanceDetail } from '@fasto/contracts';
import { AmountInput, Checkbox, Drawer, Field, FieldControl, FormActions, FormErrors, Skeleton, type FormProblem } from '@fasto/ui';
import type { Subscription } from 'rxjs';
import { formatDateTime, formatMinutes } from '../../core/format/format';
import { FormatPipe } from '../../core/format/format.pipe';
import { formatMoneyInput } from '../../core/format/money-input';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages';
import { ColorChip } from '../../shared/color-chip';
import { Icon } from '../../shared/icon';
import { ScoreBadge } from '../../shared/score-badge';
import { injectViewer } from '../../shared/viewer';
import { whenChanged } from '../../shared/when-changed';
import { changesOf, draftOf, selectStage, type AttendanceDraft, type StageEffect } from './attendance-edit';
import { AttendanceEditOptions, NO_EDIT_OPTIONS, type EditList, type EditOptions } from './attendance-edit-options';

/** Slide-over with everything about one attendance, and the corrections admins/managers may make. */
@Component({
  selector: 'app-attendance-detail',
  imports: [FormField, Drawer, Field, FieldControl, FormErrors, FormActions, Checkbox, AmountInput, Icon, ScoreBadge, ColorChip, Skeleton, FormatPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attendance-detail.html',
})
export class AttendanceDetailPanel {
  protected readonly i18n = inject(I18n);
  private readonly api = inject(AttendancesApi);
  private readonly options = inject(AttendanceEditOptions);
  private readonly viewer = injectViewer();
  readonly id = input.required<string>();
  readonly closed = output();
  readonly updated = output<AttendanceDetail>();

  protected readonly moneyExample = computed(() => formatMoneyInput(6459.51, this.i18n.language()));
  protected readonly detail = signal<AttendanceDetail | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');
  /** The attendance's facts, two to a row; figures in aligned digits. */
  protected readonly facts = computed(() => {
    const detail = this.detail();
    if (!detail) return [];
    const fact = (label: MessageKey, text: string, figure = false, testId: string | null = null) => ({ label, text, figure, testId });
    return [
      fact('att.date', formatDateTime(detail.attendedAt), true),
      fact('att.agent', detail.agent?.name ?? '—'),
      fact('att.firstResponse', formatMinutes(detail.firstResponseTimeMin), true),
      fact('att.handling', formatMinutes(detail.handlingTimeMin), true),
      fact('att.channel', this.i18n.t(`channel.${detail.channel}`), false, 'detail-channel'),
      fact('common.team', detail.team?.name ?? '—'),
    ];
  });
  protected readonly canEdit = this.viewer.leadsAgents;
  protected readonly editing = signal(false);
  protected readonly editOptions = signal<EditOptions>(NO_EDIT_OPTIONS);
  /** What the last stage pick did to "Convertido" (a note, or a question the user must answer before saving). */
  protected readonly stageEffect = signal<StageEffect>('none');
  private readonly wonStageIds = computed(
    () =>
      new Set(
        entriesOf(this.editOptions().stages)
          .filter((option) => option.won)
          .map((option) => option.id),
      ),
  );
  /**
   * The stage and origin pickers: the team's own funnel (or origin group) first, the others apart, and the current
   * entry on its own when it is missing from the lists (deleted since), so it stays selectable as it is.
   */
  protected readonly pickers = computed(() => {
    const detail = this.detail();
    const { stages, origins } = this.editOptions();
    const draft = this.draft();
    return [
      this.picker('stage', 'funnelStageId', this.form.stageId, stages, detail?.stage ?? null, draft.stageId),
      this.picker('origin', 'originItemId', this.form.originId, origins, detail?.origin ?? null, draft.originId),
    ];
  });
  protected readonly draft = signal<AttendanceDraft>({ stageId: '', originId: '', converted: false, saleText: '' });
  protected readonly form = form(this.draft);
  /** The stage before the latest pick: entering or leaving the won stage is what changes "Convertido". */
  private stageBefore = '';
  protected readonly saving = signal(false);
  /** No save while one is under way or while the "still converted?" question waits for an answer. */
  protected readonly saveBlocked = computed(() => this.saving() || this.stageEffect() === 'askConverted');
  protected readonly saveProblems = signal<FormProblem[]>([]);
  protected readonly saved = signal(false);

  constructor() {
    whenChanged(this.id, (id) => this.load(id));
  }

  protected startEdit(): void {
    const detail = this.detail();
    if (!detail) return;
    this.draft.set(draftOf(detail, this.i18n.language()));
    this.stageBefore = this.draft().stageId;
    this.stageEffect.set('none');
    this.editOptions.set(NO_EDIT_OPTIONS);
    this.saveProblems.set([]);
    this.editing.set(true);
    this.saved.set(false);
    this.options.for(this.viewer.role(), detail).subscribe((options) => this.editOptions.set(options));
  }

  /** After the form took the picked stage: what it does to "Convertido" (the origin picker changes nothing else). */
  protected picked(picker: 'stage' | 'origin'): void {
    if (picker === 'origin') return;
    const stageId = this.draft().stageId;
    const { draft, effect } = selectStage({ ...this.draft(), stageId: this.stageBefore }, stageId, this.wonStageIds(), this.stageEffect());
    this.stageBefore = stageId;
    this.draft.set(draft);
    this.stageEffect.set(effect);
  }

  /** The answer to "still converted?" after leaving the won stage. */
  protected keepConverted(keep: boolean): void {
    this.draft.update((draft) => ({ ...draft, converted: keep }));
    this.answered();
  }

  /** Setting "Convertido" (its box or an answer's button) answers the question. */
  protected answered(): void {
    if (this.stageEffect() === 'askConverted') this.stageEffect.set('none');
  }

  protected save(): void {
    const detail = this.detail();
    if (!detail) return;
    if (this.stageEffect() === 'askConverted') return;
    const request = changesOf(detail, this.draft(), this.i18n.language());
    if (request === null) {
      this.saveProblems.set([{ field: 'saleValue', message: this.i18n.t('att.saleValueInvalid', { example: this.moneyExample() }) }]);
      return;
    }
    if (Object.keys(request).length === 0) {
      this.editing.set(false);
      return;
    }
    this.saving.set(true);
    this.saveProblems.set([]);
    this.api.update(detail.id, request).subscribe({
      next: (updated) => {
        this.detail.set(updated);
        this.updated.emit(updated);
        this.saving.set(false);
        this.editing.set(false);
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveProblems.set(this.i18n.problems(error));
      },
    });
  }

  /** A picked entry outside the team's funnel/group counts as "Outros" on the team dashboard: the picker says so. */
  private picker(
    key: 'stage' | 'origin',
    field: string,
    control: FieldTree<string>,
    list: EditList,
    current: { id: string; name: string } | null,
    selected: string,
  ) {
    const team = this.detail()?.team?.name ?? null;
    const i18n = this.i18n;
    const home = list.home && {
      label: list.home.name ? i18n.t('att.edit.teamList', { list: list.home.name, team: team ?? '' }) : (team ?? ''),
      testId: `${key}-home`,
      options: list.home.options,
    };
    const elsewhere = list.elsewhere.map((group) => ({
      label: team !== null ? i18n.t('att.edit.otherList', { list: group.name }) : group.name,
      testId: `${key}-elsewhere`,
      options: group.options,
    }));
    const outside = team !== null && selected !== '' && list.home !== null && !list.home.options.some((option) => option.id === selected);
    return {
      key,
      field,
      control,
      label: i18n.t(key === 'stage' ? 'att.stage' : 'att.origin'),
      selected,
      current: unlisted(current, list),
      groups: home ? [home, ...elsewhere] : elsewhere,
      outside: outside ? i18n.t(key === 'stage' ? 'att.edit.outsideStage' : 'att.edit.outsideOrigin', { team: team ?? '' }) : null,
    };
  }

  private load(id: string): Subscription {
    this.state.set('loading');
    this.editing.set(false);
    this.saved.set(false);
    return this.api.get(id).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        this.state.set('ready');
      },
      error: () => this.state.set('error'),
    });
  }
}

const entriesOf = (list: EditList) => [...(list.home?.options ?? []), ...list.elsewhere.flatMap((group) => group.options)];

function unlisted(current: { id: string; name: string } | null, list: EditList): { id: string; name: string } | null {
  return current && !entriesOf(list).some((option) => option.id === current.id) ? current : null;
}

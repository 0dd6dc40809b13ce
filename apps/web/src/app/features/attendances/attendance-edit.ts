import type { AttendanceDetail, UpdateAttendanceRequest } from '@fasto/contracts';
import { formatMoneyInput, parseMoneyInput, type MoneyLanguage } from '../../core/format/money-input';

/** What the correction form holds while the user edits: select values and the sale value as typed. */
export interface AttendanceDraft {
  stageId: string;
  originId: string;
  converted: boolean;
  saleText: string;
}

export function draftOf(attendance: AttendanceDetail, language: MoneyLanguage): AttendanceDraft {
  return {
    stageId: attendance.stage?.id ?? '',
    originId: attendance.origin?.id ?? '',
    converted: attendance.converted,
    saleText: formatMoneyInput(attendance.saleValue, language),
  };
}

/**
 * Only the fields the user changed, so a stage correction never rewrites the sale value; `null` when
 * the typed sale value is not money in the UI language.
 */
export function changesOf(attendance: AttendanceDetail, draft: AttendanceDraft, language: MoneyLanguage): UpdateAttendanceRequest | null {
  const saleValue = parseMoneyInput(draft.saleText, language);
  if (saleValue !== null && !Number.isFinite(saleValue)) return null;
  const changes: UpdateAttendanceRequest = {};
  if (draft.stageId !== (attendance.stage?.id ?? '')) changes.funnelStageId = draft.stageId || null;
  if (draft.originId !== (attendance.origin?.id ?? '')) changes.originItemId = draft.originId || null;
  if (draft.converted !== attendance.converted) changes.converted = draft.converted;
  if (saleValue !== attendance.saleValue) changes.saleValue = saleValue;
  return changes;
}

/** What picking a stage did to "Convertido": proposed it (won stage), or needs the user's answer (left the won stage). */
export type StageEffect = 'none' | 'convertedProposed' | 'askConverted';

/**
 * Keeps stage and conversion coherent: entering the won stage ticks "Convertido"; leaving it asks,
 * and an unanswered question stays while the pick is still outside the won stage.
 */
export function selectStage(
  draft: AttendanceDraft,
  stageId: string,
  wonStageIds: ReadonlySet<string>,
  previous: StageEffect = 'none',
): { draft: AttendanceDraft; effect: StageEffect } {
  const wasWon = wonStageIds.has(draft.stageId) || previous === 'askConverted';
  const isWon = wonStageIds.has(stageId);
  if (isWon && !wonStageIds.has(draft.stageId) && !draft.converted) return { draft: { ...draft, stageId, converted: true }, effect: 'convertedProposed' };
  if (wasWon && !isWon && draft.converted) return { draft: { ...draft, stageId }, effect: 'askConverted' };
  return { draft: { ...draft, stageId }, effect: 'none' };
}

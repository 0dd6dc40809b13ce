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

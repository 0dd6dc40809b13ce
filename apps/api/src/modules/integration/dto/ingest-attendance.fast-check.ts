import { AttendanceChannel, MAX_SCORE, MIN_SCORE } from '@fasto/contracts';
import { isBoolean, isEmail, isEnum, isInt, isISO8601, isNumber, isString, isUUID, matches, max, maxLength, min, minLength } from 'class-validator';
import { isCents } from '../../../core/validation/cents';
import { isNotBeforeEarliestAttendance } from './attended-at';
import { IngestAttendanceDto } from './ingest-attendance.dto';

type Rule = (value: unknown) => boolean;

/** Absent or null passes (the DTO's `@ValidateIf(nullable)` / `@IsOptional()`); anything else must satisfy `rule`. */
const nullableOr =
  (rule: Rule): Rule =>
  (value) =>
    value === null || value === undefined || rule(value);
const text = (longest: number): Rule => nullableOr((value) => isString(value) && maxLength(value, longest));
const minutes: Rule = nullableOr((value) => isNumber(value, { allowNaN: false, allowInfinity: false }) && min(value, 0) && max(value, 525_600));
const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * A rule's verdicts on strings, remembered: a batch names the same few agents (emails, ids) in
 * item after item, and validator.js's email check is the dearest one here. A rule that throws
 * (validator.js on a lone UTF-16 surrogate) says no: the item then gets class-validator's verdict.
 */
function remembered(rule: (value: string) => boolean): Rule {
  const verdicts = new Map<string, boolean>();
  const safely = (value: string) => {
    try {
      return rule(value);
    } catch {
      return false;
    }
  };
  return (value) => {
    if (typeof value !== 'string') return false;
    let verdict = verdicts.get(value);
    if (verdict === undefined) {
      if (verdicts.size >= 10_000) verdicts.clear();
      verdicts.set(value, (verdict = safely(value)));
    }
    return verdict;
  };
}
const uuid = remembered((value) => isUUID(value, 'all'));
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]+$/u;

/**
 * IngestAttendanceDto's rules, property by property, with the check functions its decorators use
 * (class-validator's own, same options), after the DTO's trims. Keep in step with the DTO: the equivalence spec feeds both
 * the same items.
 */
const RULES: Record<keyof IngestAttendanceDto, Rule> = {
  external_id: (value) => isString(value) && minLength(value, 1) && maxLength(value, 128) && matches(value, NO_CONTROL_CHARACTERS),
  user_id: nullableOr(uuid),
  agent_email: nullableOr(remembered((value) => isEmail(value) && maxLength(value, 254))),
  stage_id: nullableOr(uuid),
  stage_name: text(80),
  origin_id: nullableOr(uuid),
  origin_name: text(80),
  customer_name: text(160),
  customer_phone: text(32),
  channel: nullableOr((value) => isEnum(value, AttendanceChannel)),
  title: text(200),
  summary: text(5000),
  full_summary: text(100_000),
  score: nullableOr((value) => isInt(value) && min(value, MIN_SCORE) && max(value, MAX_SCORE)),
  first_response_time_min: minutes,
  handling_time_min: minutes,
  converted: nullableOr(isBoolean),
  sale_value: nullableOr((value) => isCents(value) && min(value, 0) && max(value, 999_999_999_999)),
  attended_at: (value) => isISO8601(value, { strict: true }) && isNotBeforeEarliestAttendance(value),
};
const TRIMMED = new Set<string>(['external_id', 'stage_name', 'origin_name']);

/**
 * The fast path of a single post's body and of each batch item. class-validator walks its
 * metadata for every object it validates: two thirds of a 500-item batch's CPU (QUALITY P3). This answers the common case, a valid item,
 * with the same checks and none of that walk. Only its yes is trusted: for anything else it
 * returns null, and the item goes through plainToInstance and validateSync, whose verdict and
 * messages stand.
 */
export function validIngestItem(raw: Record<string, unknown>): IngestAttendanceDto | null {
  const item = new IngestAttendanceDto();
  for (const key of Object.keys(raw)) {
    const rule = RULES[key as keyof IngestAttendanceDto] as Rule | undefined;
    if (!rule || !Object.hasOwn(RULES, key)) return null; // an unknown field: refused by the whitelist
    const value = TRIMMED.has(key) ? trim(raw[key]) : raw[key];
    if (!rule(value)) return null;
    (item as unknown as Record<string, unknown>)[key] = value;
  }
  // Required fields the item left out.
  if (item.external_id === undefined || item.attended_at === undefined) return null;
  return item;
}

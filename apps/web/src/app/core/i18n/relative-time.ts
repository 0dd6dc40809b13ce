import { formatDay, toDate, type DateInput } from '../format/format';
import type { Language } from './i18n.service';
import { interpolate } from './interpolate';
import { EN, PT } from './messages';

/** "agora", "há 5 min", "há 3 h", "ontem", then the date; the words come from core/i18n/shared.messages.ts. */
export function relativeTime(value: DateInput, now: Date, lang: Language): string {
  const seconds = Math.max(0, Math.round((now.getTime() - toDate(value).getTime()) / 1000));
  const say = (key: 'time.now' | 'time.minutesAgo' | 'time.hoursAgo' | 'time.yesterday', n = 0) => interpolate(lang, (lang === 'en' ? EN : PT)[key], { n });
  if (seconds < 60) return say('time.now');
  if (seconds < 3600) return say('time.minutesAgo', Math.floor(seconds / 60));
  if (seconds < 86400) return say('time.hoursAgo', Math.floor(seconds / 3600));
  if (seconds < 2 * 86400) return say('time.yesterday');
  return formatDay(value);
}

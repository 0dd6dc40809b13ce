import { Pipe, type PipeTransform } from '@angular/core';
import { formatBrl, formatDateTime, formatDay, formatInteger, formatMinutes, formatRate, paletteHex } from './format';

/** The formats a template asks for by name, e.g. `{{ sale | format: 'brl' }}`. */
const FORMATS = {
  dateTime: formatDateTime,
  day: formatDay,
  integer: formatInteger,
  brl: formatBrl,
  rate: formatRate,
  minutes: formatMinutes,
  paletteHex,
};
type Formats = typeof FORMATS;
export type FormatName = keyof Formats;

/** Pure is right: every format is pt-BR whatever the UI language (FORMAT_LOCALE), so the text depends on the value alone. */
@Pipe({ name: 'format' })
export class FormatPipe implements PipeTransform {
  transform<K extends FormatName>(value: Parameters<Formats[K]>[0], format: K): string {
    return (FORMATS[format] as (value: Parameters<Formats[K]>[0]) => string)(value);
  }
}

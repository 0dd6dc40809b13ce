import type { AttendanceListItem, SupportedLocale } from '@fasto/contracts';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { stream as excelStream } from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { UserPrincipal } from '../../../core/auth/principal';
import { ReplicaReads } from '../../../core/database/replica-reads';
import { AttendanceListRepository, type AttendanceListFilter } from '../attendance-list.repository';
import { AttendanceNamesRepository } from '../attendance-names.repository';
import { resolveDayRange, resolveScope } from '../attendance-scope';
import { toAttendanceListItem } from '../attendance.mapper';
import type { ExportAttendancesQuery } from '../dto/attendance-filters.dto';
import { TenantTimezones } from '../tenant-timezones';
import { brazilianDateTime, exportCells, exportText, isoDateTime, localParts } from './export-columns';
import { NEUTRALISED_CELL, neutraliseFormula } from './formula-guard';

const BATCH = 1000;

export interface ExportFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * Streams the filtered, scoped attendances as CSV or XLSX, a thousand rows at a time, so
 * memory stays flat however many rows there are.
 */
@Injectable()
export class AttendanceExportService {
  constructor(
    private readonly pages: AttendanceListRepository,
    private readonly names: AttendanceNamesRepository,
    private readonly timezones: TenantTimezones,
    private readonly replicaReads: ReplicaReads,
  ) {}

  async export(principal: UserPrincipal, query: ExportAttendancesQuery): Promise<ExportFile> {
    const scope = resolveScope(principal, query);
    const timeZone = await this.replicaReads.run(() => this.timezones.current());
    const range = resolveDayRange(query, timeZone, null);
    const rows = this.rows({ scope, filters: query, range, timeZone });
    const stamp = new Date().toISOString().slice(0, 10);
    const language = query.lang ?? 'pt-BR';
    const { fileStem } = exportText(language);
    return query.format === 'xlsx'
      ? {
          stream: this.xlsx(rows, timeZone, language),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          fileName: `${fileStem}-${stamp}.xlsx`,
        }
      : { stream: this.csv(rows, timeZone, language), contentType: 'text/csv; charset=utf-8', fileName: `${fileStem}-${stamp}.csv` };
  }

  /** Each batch from a replica when one is in use (docs/architecture.md, "Read replicas"): the stream reads on after `export` returned. */
  private async *rows(filter: AttendanceListFilter): AsyncGenerator<AttendanceListItem> {
    let cursor: string | undefined;
    do {
      const { page, names } = await this.replicaReads.run(async () => {
        const page = await this.pages.page(filter, cursor, BATCH);
        return { page, names: await this.names.forRows(page.rows) };
      });
      for (const row of page.rows) yield toAttendanceListItem(row, names);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * With a BOM, and what Excel opens correctly in each language: pt-BR `;`-separated with decimal
   * commas and DD/MM/YY dates, English `,`-separated with decimal points and YYYY-MM-DD dates. Cells
   * that would run as a formula are prefixed with `'` and quoted (OWASP's rule); XLSX needs
   * neither, its strings are text cells.
   */
  private csv(rows: AsyncGenerator<AttendanceListItem>, timeZone: string, language: SupportedLocale): Readable {
    const text = exportText(language);
    const portuguese = language === 'pt-BR';
    const csv = stringify({ delimiter: portuguese ? ';' : ',', bom: true, header: true, columns: text.headers, quoted_match: NEUTRALISED_CELL });
    const decimal = (value: number | null) => (value === null ? '' : portuguese ? String(value).replace('.', ',') : String(value));
    const dateTime = portuguese ? brazilianDateTime : isoDateTime;
    const records = Readable.from(
      (async function* () {
        for await (const item of rows) yield exportCells(item, (iso) => dateTime(iso, timeZone), decimal, text).map(neutraliseFormula);
      })(),
    );
    // pipe() honours back-pressure: rows are fetched only as fast as the client reads.
    records.on('error', (error) => csv.destroy(error));
    return records.pipe(csv);
  }

  private xlsx(rows: AsyncGenerator<AttendanceListItem>, timeZone: string, language: SupportedLocale): Readable {
    const text = exportText(language);
    const output = new PassThrough();
    const workbook = new excelStream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
    const sheet = workbook.addWorksheet(text.sheet);
    sheet.columns = text.headers.map((header, index) => ({
      header,
      width: index === 14 ? 60 : 18,
      ...(index === 0 ? { style: { numFmt: language === 'pt-BR' ? 'dd/mm/yy hh:mm' : 'yyyy-mm-dd hh:mm' } } : {}),
    }));
    // Excel dates have no zone: write the tenant's wall-clock time.
    const localDate = (iso: string) => {
      const { year, month, day, hour, minute } = localParts(new Date(iso), timeZone);
      return new Date(Date.UTC(year, month - 1, day, hour, minute));
    };
    void (async () => {
      try {
        for await (const item of rows) {
          sheet.addRow(exportCells(item, localDate, (value) => value, text)).commit();
          if (output.writableNeedDrain) await once(output, 'drain');
        }
        sheet.commit();
        await workbook.commit();
      } catch (error) {
        output.destroy(error as Error);
      }
    })();
    return output;
  }
}

import type { Page } from '@fasto/contracts';
import { ErrorCode } from '@fasto/contracts';
import { BadRequestException } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { apiError } from '../errors/api-error';

type CursorValue = string | number;

/** Cursors are opaque to clients: base64url of the last row's sort key and id. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((value) => typeof value === 'string' || typeof value === 'number')) {
      return values;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new BadRequestException(apiError(ErrorCode.InvalidCursor, 'cursor is not valid'));
}

export interface KeysetOptions<Row> {
  /** SQL expression of the sort key, e.g. `t.created_at`. */
  sortColumn: string;
  /** SQL expression of the tie-breaker, e.g. `t.id`. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  cursor?: string;
  limit: number;
  /** Turns the cursor's sort value back into a query parameter (e.g. an ISO string into a Date). */
  parseSortValue?: (value: CursorValue) => unknown;
  /** The sort value and id of a row, to build the next cursor. */
  keyOf: (row: Row) => [CursorValue, string];
}

/**
 * Keyset pagination: `WHERE (sort, id) < (:sort, :id)` on the index, never OFFSET, so a page
 * deep in the list costs the same as the first one.
 */
export async function keysetPage<Row extends ObjectLiteral, Item>(
  query: SelectQueryBuilder<Row>,
  options: KeysetOptions<Row>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const comparison = options.direction === 'DESC' ? '<' : '>';
  if (options.cursor) {
    const [sortValue, id] = decodeCursor(options.cursor, 2);
    const parsed = options.parseSortValue ? options.parseSortValue(sortValue) : sortValue;
    // The first conjunct bounds an index range scan; `a OR (a = x AND b)` alone makes MariaDB
    // walk the whole range from the top (page 100,000 was 40× slower than page 1).
    query.andWhere(
      `${options.sortColumn} ${comparison}= :keysetSort AND (${options.sortColumn} ${comparison} :keysetSort OR ${options.idColumn} ${comparison} :keysetId)`,
      { keysetSort: parsed, keysetId: id },
    );
  }
  const rows = await query
    .orderBy(options.sortColumn, options.direction)
    .addOrderBy(options.idColumn, options.direction)
    .limit(options.limit + 1)
    .getMany();
  const hasMore = rows.length > options.limit;
  const pageRows = hasMore ? rows.slice(0, options.limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(toItem), nextCursor: hasMore && last ? encodeCursor(options.keyOf(last)) : null };
}

/** Dates travel in cursors as ISO strings. */
export const parseDateCursor = (value: CursorValue): Date => {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new BadRequestException(apiError(ErrorCode.InvalidCursor, 'cursor is not valid'));
  return date;
};

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { onTableWrites } from './table-writes';

/** `onTableWrites` for caches outside core/database, which do not hold the DataSource themselves. */
@Injectable()
export class TableWriteListeners {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Calls `listener` whenever this process changes rows of one of `tables` (at once, and again at commit). */
  on(tables: string[], listener: () => void): void {
    onTableWrites(this.dataSource, tables, listener);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { JobMarker } from './job-marker.entity';

/** Once-only flags: `claim` is true for the first caller with a given name, across all instances. */
@Injectable()
export class JobMarkers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async claim(name: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    try {
      await manager.insert(JobMarker, { name: name.slice(0, 191), createdAt: now });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}

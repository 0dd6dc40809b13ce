import { Injectable } from '@nestjs/common';
import { JobRepository, type MarkerTransaction } from './job.repository';

/** Once-only flags: `claim` is true for the first caller with a given name, across all instances. */
@Injectable()
export class JobMarkers {
  constructor(private readonly jobs: JobRepository) {}

  claim(name: string, now: Date, transaction?: MarkerTransaction): Promise<boolean> {
    return this.jobs.insertMarker(name.slice(0, 191), now, transaction);
  }
}

import { Injectable } from '@nestjs/common';
import type { DigestPeriod } from './digest-periods';

/** Whose goals a digest shows: the tenant's (an admin) or a team's (its manager). */
export interface DigestAudience {
  teamId: string | null;
}

/** One goal line of the digest, already measured for the period. */
export interface DigestGoalLine {
  /** Goal scope as the reader knows it (the tenant, a team or an agent name). */
  label: string;
  metric: string;
  actual: number;
  target: number;
  /** 0..1+ of the target reached. */
  done: number;
  status: 'ahead' | 'on_track' | 'behind';
}

/**
 * What the digest's "goal progress" section reads, in the recipient's tenant scope. The goals
 * module provides the real one under this token; until then the section is left out.
 */
export abstract class DigestGoalProgress {
  abstract forDigest(audience: DigestAudience, period: DigestPeriod): Promise<DigestGoalLine[]>;
}

@Injectable()
export class NoDigestGoalProgress extends DigestGoalProgress {
  forDigest(): Promise<DigestGoalLine[]> {
    return Promise.resolve([]);
  }
}

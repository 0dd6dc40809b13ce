import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { RateLimitCounters1763800000001 } from './1763800000001-rate-limit-counters';
import { AttendanceRollups1763800000002 } from './1763800000002-attendance-rollups';
import { NotificationLocale1763800000003 } from './1763800000003-notification-locale';
import { JobRuns1763800000004 } from './1763800000004-job-runs';
import { TeamRollups1763800000005 } from './1763800000005-team-rollups';
import { ExactKeyComparisons1763800000006 } from './1763800000006-exact-key-comparisons';
import { RateLimitTokenBuckets1764600000000 } from './1764600000000-rate-limit-token-buckets';
import { AttendanceSyncIndex1764700000000 } from './1764700000000-attendance-sync-index';
import { Webhooks1764700000040 } from './1764700000040-webhooks';
import { Digests1764800000046 } from './1764800000046-digests';
import { Goals1764800000044 } from './1764800000044-goals';
import { TvLinks1764800000045 } from './1764800000045-tv-links';

/** Listed explicitly (not globbed) so the bundled API carries them. Append, never edit. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  RateLimitCounters1763800000001,
  AttendanceRollups1763800000002,
  NotificationLocale1763800000003,
  JobRuns1763800000004,
  TeamRollups1763800000005,
  ExactKeyComparisons1763800000006,
  RateLimitTokenBuckets1764600000000,
  AttendanceSyncIndex1764700000000,
  Webhooks1764700000040,
  Goals1764800000044,
  TvLinks1764800000045,
  Digests1764800000046,
];

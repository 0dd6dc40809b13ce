import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { RateLimitCounters1763800000001 } from './1763800000001-rate-limit-counters';
import { AttendanceRollups1763800000002 } from './1763800000002-attendance-rollups';
import { TeamRollups1763800000005 } from './1763800000005-team-rollups';

/** Listed explicitly (not globbed) so the bundled API carries them. Append, never edit. */
export const MIGRATIONS = [InitialSchema1763800000000, RateLimitCounters1763800000001, AttendanceRollups1763800000002, TeamRollups1763800000005];

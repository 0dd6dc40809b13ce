import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

/** Listed explicitly (not globbed) so the bundled API carries them. Append, never edit. */
export const MIGRATIONS = [InitialSchema1763800000000];

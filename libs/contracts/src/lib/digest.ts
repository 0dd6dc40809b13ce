/** How often a manager or admin receives the digest e-mail (agents never do). */
export const DIGEST_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'weekly';

/** The period a digest covers: the previous day (daily) or the previous Monday-to-Sunday week (weekly). */
export type DigestKind = Exclude<DigestFrequency, 'off'>;

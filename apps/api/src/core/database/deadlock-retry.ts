const RETRIABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

const isRetriable = (error: unknown): boolean => {
  const driverError = (error as { driverError?: { code?: string } } | null)?.driverError ?? (error as { code?: string } | null);
  return typeof driverError?.code === 'string' && RETRIABLE.has(driverError.code);
};

/**
 * Runs a whole transaction again when the database chose it as a deadlock victim. InnoDB rolls
 * the victim back entirely, so a retry is safe; concurrent retries of one idempotent write
 * (n8n posting the same attendance twenty times) end up taking turns.
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetriable(error)) throw error;
      // Random, growing pauses spread the retries of a crowd of duplicates (20 parallel posts) apart.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));
    }
  }
}

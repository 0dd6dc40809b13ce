import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { setImmediate as afterThisTurn } from 'node:timers/promises';

/**
 * Work a request starts but does not wait for (the writes whose duration would tell an attacker
 * that an account exists). Tasks start once the answer is on its way; a failure is logged, never
 * thrown; shutdown waits for the tasks in flight, so nothing accepted is dropped.
 */
@Injectable()
export class BackgroundWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger(BackgroundWork.name);
  private readonly pending = new Set<Promise<void>>();

  run(what: string, task: () => Promise<unknown>): void {
    const running = afterThisTurn()
      .then(task)
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error, task: what }, 'Background work failed'),
      )
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  /** Resolves when every task started so far (and any they started) has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }
}

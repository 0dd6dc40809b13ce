import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Flips when SIGTERM arrives so readiness fails first and the load balancer drains us. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private stopping = false;

  get isShuttingDown(): boolean {
    return this.stopping;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { LEDGER_CONFIG } from '../config.token';
import type { LedgerApiConfig } from '../config';
import { EVENT_STORE } from '../store/event-store.module';

export const SCHEDULER_ACTOR = { subject: 'ledger-api:anchor-scheduler', role: 'system' } as const;

/**
 * Appends a Merkle anchor over all stream heads on a schedule, whenever the log has moved since
 * the last anchor, so a root an authority publishes always covers recent history.
 */
@Injectable()
export class AnchorScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnchorScheduler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.anchorIntervalMs === 0) return;
    this.timer = setInterval(() => {
      this.anchorIfMoved().catch((error: unknown) => {
        this.logger.error(`scheduled anchor failed: ${String(error)}`);
      });
    }, this.config.anchorIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Anchors unless the newest event is already the last anchor itself. */
  async anchorIfMoved(): Promise<boolean> {
    const head = await this.store.headPosition();
    if (head === 0) return false;
    const last = (await this.store.anchors()).at(-1);
    if (last !== undefined && last.eventPosition >= head) return false;
    const anchor = await this.store.anchor(SCHEDULER_ACTOR);
    this.logger.log(
      `anchored ${anchor.streamCount} stream heads at position ${anchor.anchoredPosition}: ${anchor.root}`,
    );
    return true;
  }
}

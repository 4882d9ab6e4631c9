import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@ledger/event-store';
import { ApiError } from '../http/api-error';
import { LedgerMetrics } from '../observability/ledger-metrics';
import { EVENT_STORE } from '../store/event-store.module';
import { READ_MODEL_STORE, modelLags, type ModelLag } from '../read-models/read-models.module';
import type { ReadModelStore } from '@ledger/read-models';

@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LedgerMetrics) private readonly ledgerMetrics: LedgerMetrics,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the event store and the read models answer; each model's lag behind the log. */
  @Get('ready')
  async ready(): Promise<{
    status: 'ready';
    store: string;
    headPosition: number;
    readModels: ModelLag[];
  }> {
    try {
      return {
        status: 'ready',
        store: this.store.kind,
        headPosition: await this.store.headPosition(),
        readModels: await modelLags(this.store, this.readModels),
      };
    } catch (error) {
      throw new ApiError(
        503,
        'STORE_UNAVAILABLE',
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  /** Prometheus text: appends, append latency, commands by outcome, head position, process. */
  @Get('metrics')
  async metrics(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.ledgerMetrics.registry.contentType);
    return this.ledgerMetrics.registry.metrics();
  }
}

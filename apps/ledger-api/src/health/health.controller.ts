import { Controller, Get, Header, HttpException, HttpStatus, Inject } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../store/event-store.module';

@Controller()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Liveness: the process answers. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the event store answers (projector lag joins this with the projections issue). */
  @Get('ready')
  async ready(): Promise<{ status: 'ready'; store: string; headPosition: number }> {
    try {
      return {
        status: 'ready',
        store: this.store.kind,
        headPosition: await this.store.headPosition(),
      };
    } catch (error) {
      throw new HttpException(
        {
          error: {
            code: 'STORE_UNAVAILABLE',
            message: error instanceof Error ? error.message : String(error),
            details: [],
          },
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }

  /** Prometheus text exposition. */
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const head = await this.store.headPosition();
    return [
      '# HELP ledger_head_position Global position of the newest event in the log.',
      '# TYPE ledger_head_position gauge',
      `ledger_head_position{store="${this.store.kind}"} ${head}`,
      '# HELP process_uptime_seconds Seconds since the process started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${process.uptime().toFixed(3)}`,
      '',
    ].join('\n');
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AnchorScheduler } from './anchors/anchor-scheduler';
import type { LedgerApiConfig } from './config';
import { LEDGER_CONFIG } from './config.token';
import { HealthController } from './health/health.controller';
import { EventStoreModule } from './store/event-store.module';

/** HTTP wiring only: controllers talk to the command and query buses; rules live in libs/. */
@Module({})
export class AppModule {
  static forConfig(config: LedgerApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: [HealthController],
      providers: [{ provide: LEDGER_CONFIG, useValue: config }, AnchorScheduler],
      exports: [LEDGER_CONFIG],
    };
  }
}

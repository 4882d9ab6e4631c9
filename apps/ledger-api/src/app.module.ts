import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import { AnchorScheduler } from './anchors/anchor-scheduler';
import { AuthGuard } from './auth/auth.guard';
import { LedgerProcessors } from './commands/ledger-processors';
import { WritePlatformHandler, WritePlatformYearHandler } from './commands/write-handlers';
import type { LedgerApiConfig } from './config';
import { LEDGER_CONFIG } from './config.token';
import { HealthController } from './health/health.controller';
import { LedgerMetrics } from './observability/ledger-metrics';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { BLOB_STORE } from './materials/blob-store.token';
import { DirectoryBlobStore } from './materials/blob-store';
import { MaterialsController } from './materials/materials.controller';
import { GetPlatformHandler, GetPlatformYearHandler } from './platforms/platform.queries';
import { PlatformsController } from './platforms/platforms.controller';
import { PlatformYearsController } from './platform-years/platform-years.controller';
import { EVENT_STORE, EventStoreModule } from './store/event-store.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ProgramsModule } from './programs/programs.module';
import { PlatformViewsModule } from './platform-views/platform-views.module';
import { IntegrityModule } from './integrity/integrity.module';
import { AuditModule } from './audit/audit.module';
import { WhatIfModule } from './audit/what-if/what-if.module';
import { TokenService } from './tokens/token.service';

/** HTTP wiring only: controllers talk to the command and query buses; rules live in libs/. */
@Module({})
export class AppModule {
  static forConfig(config: LedgerApiConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule,
        ReadModelsModule,
        ProgramsModule,
        PlatformViewsModule,
        IntegrityModule,
        AuditModule,
        WhatIfModule,
      ],
      controllers: [
        HealthController,
        PlatformsController,
        PlatformYearsController,
        MaterialsController,
      ],
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        {
          provide: LedgerMetrics,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new LedgerMetrics(store),
        },
        {
          provide: LedgerProcessors,
          inject: [EVENT_STORE, LedgerMetrics],
          useFactory: (store: EventStore, metrics: LedgerMetrics) =>
            new LedgerProcessors(store, metrics.observer()),
        },
        {
          provide: TokenService,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new TokenService(store),
        },
        { provide: BLOB_STORE, useValue: new DirectoryBlobStore(config.blobDir) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        WritePlatformHandler,
        WritePlatformYearHandler,
        GetPlatformHandler,
        GetPlatformYearHandler,
        AnchorScheduler,
      ],
      exports: [LEDGER_CONFIG, LedgerProcessors, TokenService, LedgerMetrics],
    };
  }
}

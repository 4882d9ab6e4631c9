import { Module } from '@nestjs/common';
import { WhatIfController } from './what-if.controller';

/**
 * The audit what-if (libs/audit): reads the event store (the application's global provider)
 * and never the live read models, whose position it could not choose.
 */
@Module({ controllers: [WhatIfController] })
export class WhatIfModule {}

import { Module } from '@nestjs/common';
import { PlatformViewsController } from './platform-views.controller';

/** A platform's projected views (metrics, eligibility, funding), through the global reader. */
@Module({ controllers: [PlatformViewsController] })
export class PlatformViewsModule {}

import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** API.md "Auditors" (what-if has its own module beside it). */
@Module({ controllers: [AuditController] })
export class AuditModule {}

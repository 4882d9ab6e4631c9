import { Module } from '@nestjs/common';
import { ConsequencesController } from './consequences.controller';
import { FraudSignalMetrics } from './fraud-signal-metrics';
import { FraudSignalReader } from './fraud-signal-reader';
import { FraudSignalsController } from './fraud-signals.controller';
import { WriteSignalDecisionHandler } from './signal-decision';

/**
 * Integrity (RULES.md "Fraud signals", S1-7, 取消资格, 追回资金): the signal list, the decisions
 * on signals and the consequences. Rules live in the platform-year decider; this is wiring.
 */
@Module({
  controllers: [FraudSignalsController, ConsequencesController],
  providers: [FraudSignalReader, FraudSignalMetrics, WriteSignalDecisionHandler],
})
export class IntegrityModule {}

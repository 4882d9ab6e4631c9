import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { LedgerMetrics } from '../observability/ledger-metrics';
import { FraudSignalReader } from './fraud-signal-reader';

/** API.md "/metrics": the fraud signals still open (neither confirmed nor dismissed), per rule. */
@Injectable()
export class FraudSignalMetrics {
  constructor(
    @Inject(LedgerMetrics) metrics: LedgerMetrics,
    @Inject(FraudSignalReader) signals: FraudSignalReader,
  ) {
    new Gauge({
      name: 'ledger_fraud_signals_open',
      help: 'Fraud signals (F-1..F-10) awaiting an administrator’s confirmation or dismissal.',
      labelNames: ['rule'] as const,
      registers: [metrics.registry],
      collect: async function (this: Gauge<'rule'>) {
        const { signals: open } = await signals.list({
          platformIds: null,
          year: null,
          ruleId: null,
          status: 'open',
        });
        this.reset();
        for (let rule = 1; rule <= 10; rule += 1) this.set({ rule: `F-${String(rule)}` }, 0);
        for (const signal of open) this.inc({ rule: signal.ruleId });
      },
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { LedgerMetrics } from '../observability/ledger-metrics';
import { FraudSignalReader } from './fraud-signal-reader';

/**
 * How long one count of the open signals serves scrapes. Counting reads every view of the
 * fraud-signals model on the API's thread; a scraper every few seconds must not do that each
 * time, and a gauge of signals awaiting a human decision may lag by this much.
 */
const COUNT_TTL_MS = 15_000;

/** API.md "/metrics": the fraud signals still open (neither confirmed nor dismissed), per rule. */
@Injectable()
export class FraudSignalMetrics {
  private counted: { readonly at: number; readonly byRule: Map<string, number> } | null = null;

  constructor(
    @Inject(LedgerMetrics) metrics: LedgerMetrics,
    @Inject(FraudSignalReader) private readonly signals: FraudSignalReader,
  ) {
    const count = (): Promise<Map<string, number>> => this.openByRule();
    new Gauge({
      name: 'ledger_fraud_signals_open',
      help: 'Fraud signals (F-1..F-10) awaiting an administrator’s confirmation or dismissal (counted at most every 15 s).',
      labelNames: ['rule'] as const,
      registers: [metrics.registry],
      collect: async function (this: Gauge<'rule'>) {
        const byRule = await count();
        this.reset();
        for (let rule = 1; rule <= 10; rule += 1) {
          const ruleId = `F-${String(rule)}`;
          this.set({ rule: ruleId }, byRule.get(ruleId) ?? 0);
        }
      },
    });
  }

  private async openByRule(): Promise<Map<string, number>> {
    const now = Date.now();
    if (this.counted !== null && now - this.counted.at < COUNT_TTL_MS) return this.counted.byRule;
    const { signals: open } = await this.signals.list({
      platformIds: null,
      year: null,
      ruleId: null,
      status: 'open',
    });
    const byRule = new Map<string, number>();
    for (const signal of open) byRule.set(signal.ruleId, (byRule.get(signal.ruleId) ?? 0) + 1);
    this.counted = { at: now, byRule };
    return byRule;
  }
}

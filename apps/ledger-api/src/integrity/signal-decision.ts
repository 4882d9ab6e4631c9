import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformYearCommand, SignalFacts } from '@ledger/domain';
import { LedgerProcessors } from '../commands/ledger-processors';
import type { WriteResult } from '../commands/write-result';
import type { WriteContext } from '../http/write-context';
import { metadataOf } from '../platform-years/platform-years.controller';
import { FraudSignalReader } from './fraud-signal-reader';

export interface SignalDecisionRequest {
  readonly recordId: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
}

/** Confirm or dismiss a fraud signal (RULES.md "Fraud signals"): an administrator's decision. */
export class WriteSignalDecision extends Command<WriteResult> {
  constructor(
    readonly signalId: string,
    readonly decision: 'confirm' | 'dismiss',
    readonly request: SignalDecisionRequest,
    readonly context: WriteContext,
  ) {
    super();
  }
}

/**
 * Reads the signal from the read model (never from the client) and appends the decision to its
 * platform-year's stream; S1-7's consequences are the decider's, in the same append.
 */
@CommandHandler(WriteSignalDecision)
export class WriteSignalDecisionHandler implements ICommandHandler<
  WriteSignalDecision,
  WriteResult
> {
  constructor(
    @Inject(LedgerProcessors) private readonly processors: LedgerProcessors,
    @Inject(FraudSignalReader) private readonly signals: FraudSignalReader,
  ) {}

  async execute({
    signalId,
    decision,
    request,
    context,
  }: WriteSignalDecision): Promise<WriteResult> {
    const found = await this.signals.signal(signalId);
    const signal: SignalFacts = {
      signalId: found.signalId,
      ruleId: found.ruleId,
      platformId: found.platformId,
      year: found.year,
      fabricates: found.fabricates,
      eventIds: found.eventIds,
    };
    const address = {
      platformId: signal.platformId,
      year: signal.year,
      metadata: metadataOf(context),
      data: request,
      signal,
    };
    const command: PlatformYearCommand =
      decision === 'confirm'
        ? {
            ...address,
            type: 'ConfirmFraudSignal',
            consequenceIds: { disqualificationId: uuidv7(), clawbackProposalId: uuidv7() },
          }
        : { ...address, type: 'DismissFraudSignal' };
    return this.processors.writeYear(signal.platformId, signal.year, command, context);
  }
}

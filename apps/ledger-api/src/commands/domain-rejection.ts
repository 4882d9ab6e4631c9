import type { DomainError } from '@ledger/domain';

/** Carries a decider's plain rejection value to the one exception filter that maps it to HTTP. */
export class DomainRejection extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

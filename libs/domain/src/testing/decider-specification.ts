import type { Decider } from '../shared/decider';
import type { Decision, DomainErrorCode } from '../shared/decision';

/**
 * A given / when / then harness for deciders (after emmett's DeciderSpecification), free of any
 * test framework: a failed expectation throws an Error whose message shows both sides.
 *
 *   const spec = specificationFor(platformYearDecider, filedPlatform);
 *   spec.given(serviceRecorded).withContext(revokedPlatform).when(rateService).then(rated);
 *   spec.given().when(badCommand).thenRejects({ code: 'CONFLICT', ruleId: 'D-RECORD-ID', field: 'recordId' });
 *
 * Mind that `when(...)` returns an object with a `then` method: never `await` or return it
 * from a test callback (call `.then(...)` / `.thenRejects(...)` on it instead).
 */
export interface ExpectedRejection {
  readonly ruleId: string;
  readonly code?: DomainErrorCode;
  /** The field of the first detail; `null` asserts that the rejection names no field. */
  readonly field?: string | null;
}

export interface Outcome<Event> {
  readonly decision: Decision<Event>;
  /** Asserts acceptance with exactly these events, in order. */
  then(...expected: Event[]): void;
  /** Asserts acceptance and returns the events, for checks of generated values. */
  thenAccepts(): readonly Event[];
  thenRejects(expected: ExpectedRejection): void;
}

export interface Given<Command, Event, Context> {
  /** The context (the platform-year decider's platform state) for this scenario only. */
  withContext(context: Context): Given<Command, Event, Context>;
  when(command: Command): Outcome<Event>;
}

export interface Specification<Command, Event, Context> {
  given(...events: Event[]): Given<Command, Event, Context>;
}

export function specificationFor<Command, Event, State>(
  decider: Decider<Command, Event, State>,
): Specification<Command, Event, undefined>;
export function specificationFor<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  context: Context,
): Specification<Command, Event, Context>;
export function specificationFor<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  context?: Context,
): Specification<Command, Event, Context | undefined> {
  const run = (
    events: readonly Event[],
    scenarioContext: Context | undefined,
  ): Given<Command, Event, Context | undefined> => ({
    withContext: (next) => run(events, next),
    when: (command) =>
      outcome(
        // The overloads guarantee `Context` is `undefined` whenever no context was given.
        decider.decide(command, stateAfter(decider, events), scenarioContext as Context),
      ),
  });
  return { given: (...events) => run(events, context) };
}

/** Folds events with the decider's evolve from its initial state. */
export function stateAfter<Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

function outcome<Event>(decision: Decision<Event>): Outcome<Event> {
  const accepted = (): readonly Event[] => {
    if (!decision.ok) fail('expected the command to be accepted', decision.error);
    return decision.events;
  };
  return {
    decision,
    thenAccepts: accepted,
    then: (...expected) => {
      const actual = accepted();
      if (canonical(actual) !== canonical(expected)) {
        fail('unexpected events', { expected, actual });
      }
    },
    thenRejects: (expected) => {
      if (decision.ok) fail('expected a rejection', { expected, events: decision.events });
      const { code, ruleId, details } = decision.error;
      const actual = {
        ruleId,
        ...(expected.code === undefined ? {} : { code }),
        ...(expected.field === undefined ? {} : { field: details[0]?.field ?? null }),
      };
      if (canonical(actual) !== canonical(expected)) {
        fail('unexpected rejection', { expected, actual: decision.error });
      }
    },
  };
}

function fail(message: string, shown: unknown): never {
  throw new Error(`${message}:\n${JSON.stringify(shown, null, 2)}`);
}

/** JSON with sorted keys: events are JSON-only data, so this is their deep equality. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

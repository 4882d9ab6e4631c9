import type { Decision } from './decision';

/** emmett's Decider: a pure triple the command processor drives (load → decide → append). */
export interface Decider<Command, Event, State, Context = undefined> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State, context: Context) => Decision<Event>;
}

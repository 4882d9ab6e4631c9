import type { Decider } from './shared/decider';
import type { PlatformCommand } from './platform/platform.commands';
import { decidePlatform } from './platform/platform.decider';
import type { PlatformEvent } from './platform/platform.events';
import {
  evolvePlatform,
  initialPlatformState,
  type PlatformState,
} from './platform/platform.state';
import type { PlatformYearCommand } from './platform-year/platform-year.commands';
import { decidePlatformYear } from './platform-year/platform-year.decider';
import type { PlatformYearEvent } from './platform-year/platform-year.events';
import {
  evolvePlatformYear,
  initialPlatformYearState,
  type PlatformYearState,
} from './platform-year/platform-year.state';
import {
  decideToken,
  evolveToken,
  initialTokenState,
  type TokenCommand,
  type TokenState,
} from './token/token.decider';
import type { TokenEvent } from './token/token.events';
import type { ProgramCommand } from './program/program.commands';
import { decideProgram } from './program/program.decider';
import type { ProgramEvent } from './program/program.events';
import { evolveProgram, initialProgramState, type ProgramState } from './program/program.state';

export const platformDecider: Decider<PlatformCommand, PlatformEvent, PlatformState> = {
  initialState: initialPlatformState,
  evolve: evolvePlatform,
  decide: (command, state) => decidePlatform(command, state),
};

/** A year is decided against the platform's own state too (filed, not revoked before the year). */
export const platformYearDecider: Decider<
  PlatformYearCommand,
  PlatformYearEvent,
  PlatformYearState,
  PlatformState
> = {
  initialState: initialPlatformYearState,
  evolve: evolvePlatformYear,
  decide: decidePlatformYear,
};

export const tokenDecider: Decider<TokenCommand, TokenEvent, TokenState> = {
  initialState: initialTokenState,
  evolve: evolveToken,
  decide: (command, state) => decideToken(command, state),
};

/**
 * What a program needs from elsewhere (the pack's parameters and results, filed platforms) comes
 * resolved in its commands, so it takes no context.
 */
export const programDecider: Decider<ProgramCommand, ProgramEvent, ProgramState> = {
  initialState: initialProgramState,
  evolve: evolveProgram,
  decide: (command, state) => decideProgram(command, state),
};

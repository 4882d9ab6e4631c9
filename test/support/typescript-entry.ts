import { resolve } from 'node:path';

/** The repository root: child processes run from it, as the npm scripts do. */
export const REPO_ROOT = resolve(__dirname, '../..');

/**
 * Node's arguments for running a TypeScript entry point of this repository (run from REPO_ROOT)
 * as `npm start` and `npm run ledger` do: compiled on load, with the `@ledger/*` path aliases.
 */
export function typeScriptEntry(script: string, ...args: readonly string[]): string[] {
  return [
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    script,
    ...args,
  ];
}

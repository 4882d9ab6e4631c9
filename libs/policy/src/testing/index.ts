// The general view builders come with the pack-specific scenarios, so a pack spec imports one module.
export * from '@ledger/projections/testing';
export * from './bengbu';
export * from './evaluation';
export * from './metrics';
export * from './platforms';
export * from './scenarios';

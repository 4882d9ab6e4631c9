export * from './evaluation';
export * from './metrics';
export * from './platforms';
export * from './scenarios';

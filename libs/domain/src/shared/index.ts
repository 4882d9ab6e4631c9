export * from './decision';
export * from './command-metadata';
export * from './uscc';
export * from './regions';
export * from './dates';

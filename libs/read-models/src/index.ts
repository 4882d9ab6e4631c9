export * from './read-model-reader';
export * from './read-model-store';
export * from './open-read-model-store';
export { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';
export { PostgresReadModelStore } from './postgres/postgres-read-model-store';
export { memorySnapshot } from './memory-snapshot';
export { lagBehind } from './lag';

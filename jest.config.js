/** Jest runs unit, integration (real SQLite files / real PostgreSQL) and e2e specs; tsc type-checks separately. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  testRegex: '.*\\.(unit|int|e2e)\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // ESM-only dependencies (Node 20 require()s them natively; Jest's module loader does not).
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
    '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@ledger/domain$': '<rootDir>/libs/domain/src',
    '^@ledger/demo-data$': '<rootDir>/libs/demo-data/src',
    '^@ledger/policy$': '<rootDir>/libs/policy/src',
    '^@ledger/read-models$': '<rootDir>/libs/read-models/src',
    '^@ledger/audit$': '<rootDir>/libs/audit/src',
    '^@ledger/projections/(.*)$': '<rootDir>/projections/$1',
  },
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/jest-global-teardown.ts',
  maxWorkers: 2,
};

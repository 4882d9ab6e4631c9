/**
 * Layering rules (DESIGN.md "Shape of the code"): the pure core — libs/domain, libs/policy and
 * projections/ — imports nothing from NestJS, a store driver or Node I/O, so deciders, policy
 * packs and projection folds stay replayable anywhere (live projector and audit replay alike).
 */
const pureCore = '^(libs/domain|libs/policy|projections)/';
module.exports = {
  forbidden: [
    {
      name: 'pure-core-no-framework',
      comment:
        'libs/domain, libs/policy and projections/ may not import NestJS or rxjs-based frameworks.',
      severity: 'error',
      from: { path: pureCore },
      to: { path: 'node_modules/(@nestjs|@fastify|fastify)/' },
    },
    {
      name: 'pure-core-no-store-driver',
      comment: 'The pure core may not import a store driver.',
      severity: 'error',
      from: { path: pureCore },
      to: { path: 'node_modules/(better-sqlite3|pg|pg-.*|@eventstore|@grpc)/' },
    },
    {
      name: 'pure-core-no-node-io',
      comment: 'The pure core may not import Node I/O modules.',
      severity: 'error',
      from: { path: pureCore },
      to: {
        dependencyTypes: ['core'],
        path: '^(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|os|readline|process)$',
      },
    },
    {
      name: 'pure-core-no-adapters',
      comment: 'The pure core may not import the event-store adapters, read models or apps.',
      severity: 'error',
      from: { path: pureCore },
      to: { path: '^(apps|libs/event-store|libs/read-models)/' },
    },
    {
      name: 'audit-no-framework',
      comment:
        'libs/audit runs in the API and in the CLI: no NestJS or HTTP framework, and no app code (its specs may drive the apps).',
      severity: 'error',
      from: { path: '^libs/audit/', pathNot: '\\.spec\\.ts$' },
      to: { path: ['node_modules/(@nestjs|@fastify|fastify)/', '^apps/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|data)/' },
  },
};

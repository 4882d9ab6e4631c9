// @ts-check
'use strict';
/**
 * The embedded projector's thread (projector-thread.ts). A compiled build runs the compiled
 * projector-thread.main.js beside this file; from TypeScript sources (npm start, jest) there is
 * none, and the thread compiles the sources as it loads them, as ts-node does for the process.
 *
 * Plain JavaScript so that every runtime can start it without a loader.
 */
/* global __dirname */
const fs = require('node:fs');
const path = require('node:path');

if (!fs.existsSync(path.join(__dirname, 'projector-thread.main.js'))) {
  const root = path.join(__dirname, '..', '..', '..');
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  const tsconfigPaths = require('tsconfig-paths');
  const config = tsconfigPaths.loadConfig(root);
  if (config.resultType === 'failed') throw new Error(`tsconfig: ${config.message}`);
  tsconfigPaths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });
}
require('./projector-thread.main');

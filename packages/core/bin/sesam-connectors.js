#!/usr/bin/env node
'use strict';
// The `sesam-connectors` command. It runs core's TypeScript sources directly, so it works right
// after `npm ci` with no build step: a require hook compiles each .ts module with @swc/core (the
// compiler @swc-node/register uses, minus its TypeScript-config loading, which alone would triple
// the start-up time). Nothing depends on the folder the command runs in.
const { readFileSync } = require('node:fs');

let swc;
try {
  swc = require('@swc/core');
} catch {
  process.stderr.write(
    'sesam-connectors: @swc/core is missing; run `npm ci` in the sesam-connectors workspace\n',
  );
  process.exit(1);
}

const SWC_OPTIONS = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...SWC_OPTIONS, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);

const { main, processIo } = require('../src/cli/main.ts');
const { version } = require('../package.json');

main(process.argv.slice(2), processIo(process), version).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `sesam-connectors: internal error (please report it): ${error && error.stack ? error.stack : error}\n`,
    );
    process.exitCode = 1;
  },
);

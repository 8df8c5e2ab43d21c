// execa 9 is ESM-only and this Jest runs CommonJS: publish's git runs through the sesam CLI
// wrapper's execa runner, so map execa to the wrapper's child_process stand-in, as its own suite
// does (its test/real-execa.spec.ts covers the real execa).
module.exports = require('../../tools/jest/preset.cjs')(__dirname, {
  moduleNameMapper: { '^execa$': '<rootDir>/../sesam-cli-wrapper/test/support/execa-shim.cjs' },
});

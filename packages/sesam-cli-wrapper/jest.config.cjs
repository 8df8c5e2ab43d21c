// execa 9 is ESM-only and this Jest runs CommonJS: map it to a small child_process stand-in
// (see test/support/execa-shim.cjs). test/real-execa.spec.ts covers the real execa.
module.exports = require('../../tools/jest/preset.cjs')(__dirname, {
  moduleNameMapper: { '^execa$': '<rootDir>/test/support/execa-shim.cjs' },
});

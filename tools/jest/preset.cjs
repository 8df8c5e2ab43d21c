// Shared Jest configuration for every package: @swc/jest for speed (type checking is `npm run typecheck`),
// and a reporter that records pass/fail counts so tools/run-tests.mjs can print one summary line.
const path = require('node:path');

module.exports = (packageDir, overrides = {}) => ({
  displayName: path.basename(packageDir),
  rootDir: packageDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  reporters: ['default', path.join(__dirname, 'summary-reporter.cjs')],
  testTimeout: 120000,
  ...overrides,
});

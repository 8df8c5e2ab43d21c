// Tests of the workspace scripts (review, freshness gate). Same preset as the packages; the scripts
// keep their tests beside them, in <tool>/test/.
module.exports = require('./jest/preset.cjs')(__dirname, {
  testMatch: ['<rootDir>/review/test/**/*.spec.ts', '<rootDir>/freshness/test/**/*.spec.ts'],
});

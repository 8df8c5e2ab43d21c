// Tests of the workspace scripts (their shared library, review, freshness gate, bench) and of the
// workspace's own setup (workspace/). Same preset as the packages; the scripts keep their tests beside
// them, in <tool>/test/.
module.exports = require('./jest/preset.cjs')(__dirname, {
  testMatch: [
    '<rootDir>/shared/test/**/*.spec.ts',
    '<rootDir>/review/test/**/*.spec.ts',
    '<rootDir>/freshness/test/**/*.spec.ts',
    '<rootDir>/bench/test/**/*.spec.ts',
    '<rootDir>/workspace/test/**/*.spec.ts',
    '<rootDir>/fuzz/test/**/*.spec.ts',
    '<rootDir>/adoption/test/**/*.spec.ts',
    '<rootDir>/pack-coverage/test/**/*.spec.ts',
    '<rootDir>/ci/test/**/*.spec.ts',
  ],
});

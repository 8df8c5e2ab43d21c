import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * npm 11 skips dependency install scripts that package.json's `allowScripts` does not decide, and ends
 * every `npm ci` with a warning listing them. The workspace decides each one (README, "Install"), so
 * `npm ci` ends without that warning; a new dependency that brings an install script fails here until
 * it is approved or denied (`npm install-scripts approve|deny <pkg>`).
 */
describe('dependency install scripts', () => {
  it('every installed package with an install script is approved or denied in allowScripts', () => {
    const run = spawnSync('npm', ['install-scripts', 'ls'], {
      cwd: join(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect({ status: run.status, output: `${run.stdout}${run.stderr}`.trim() }).toEqual({
      status: 0,
      output: 'No packages with unreviewed install scripts.',
    });
  });
});

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { linkNodeModules } from '../src/node-modules';

const put = (file: string, content = '') => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
};
const link = (target: string, path: string) => {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path);
};
const pkg = (dir: string, name: string) => {
  put(join(dir, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  put(join(dir, 'index.js'), `module.exports = ${JSON.stringify(dir)};`);
};

describe('linkNodeModules', () => {
  let tmp: string;
  let source: string;
  let target: string;

  beforeEach(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'review-node-modules-')));
    source = join(tmp, 'source');
    target = join(tmp, 'target');
    // The main checkout, installed: a plain and a scoped dependency, workspace links, bins, a cache, nested deps.
    put(join(source, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
    pkg(join(source, 'node_modules/left-pad'), 'left-pad');
    pkg(join(source, 'node_modules/@nx/devkit'), '@nx/devkit');
    pkg(join(source, 'packages/core'), '@acme/core');
    pkg(join(source, 'packages/old'), '@acme/old');
    link('../../packages/core', join(source, 'node_modules/@acme/core'));
    link('../../packages/old', join(source, 'node_modules/@acme/old'));
    link('../left-pad/index.js', join(source, 'node_modules/.bin/left-pad'));
    link('../@acme/core/index.js', join(source, 'node_modules/.bin/acme'));
    put(join(source, 'node_modules/.cache/junk'));
    pkg(join(source, 'packages/core/node_modules/ejs'), 'ejs');
    // Another revision of it: has core and a new pack, no longer has old.
    put(join(target, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
    pkg(join(target, 'packages/core'), '@acme/core');
    pkg(join(target, 'packages/pack'), '@acme/pack');
  });

  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("resolves dependencies to the source's installed packages and workspace packages to the target's own folders", () => {
    const linked = linkNodeModules(source, target);

    expect(linked).toEqual([
      { name: '@acme/core', dir: 'packages/core' },
      { name: '@acme/pack', dir: 'packages/pack' },
    ]);
    const resolve = createRequire(join(target, 'packages/core/index.js')).resolve;
    expect(realpathSync(resolve('left-pad'))).toBe(join(source, 'node_modules/left-pad/index.js'));
    expect(realpathSync(resolve('@nx/devkit'))).toBe(join(source, 'node_modules/@nx/devkit/index.js'));
    expect(realpathSync(resolve('@acme/core'))).toBe(join(target, 'packages/core/index.js'));
    expect(realpathSync(resolve('@acme/pack'))).toBe(join(target, 'packages/pack/index.js'));
    expect(realpathSync(resolve('ejs'))).toBe(join(source, 'packages/core/node_modules/ejs/index.js'));
    expect(realpathSync(join(target, 'node_modules/.bin/acme'))).toBe(join(target, 'packages/core/index.js'));
    expect(realpathSync(join(target, 'node_modules/.bin/left-pad'))).toBe(
      join(source, 'node_modules/left-pad/index.js'),
    );
  });

  it("leaves out the source's workspace packages that the target does not have, and dot-folders", () => {
    linkNodeModules(source, target);
    expect(existsSync(join(target, 'node_modules/@acme/old'))).toBe(false);
    expect(existsSync(join(target, 'node_modules/.cache'))).toBe(false);
  });

  it('does nothing harmful for a revision without package.json or a source without node_modules', () => {
    rmSync(join(target, 'package.json'));
    expect(linkNodeModules(source, target)).toEqual([]);
    expect(realpathSync(join(target, 'node_modules/left-pad'))).toBe(join(source, 'node_modules/left-pad'));
    const bare = join(tmp, 'bare');
    mkdirSync(bare);
    expect(linkNodeModules(bare, target)).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Copies this workspace's files (tracked and untracked, not ignored; `keep` filters them) into
 * `target` and links node_modules back: the root's, and those packages keep of their own (the
 * wrapper's execa 9 — the root has execa 5), so a child Nx runs the copy as its workspace.
 */
export function copyWorkspace(
  repo: string,
  target: string,
  keep: (path: string) => boolean = () => true,
): void {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((path) => path !== '' && existsSync(join(repo, path)) && keep(path));
  for (const path of files) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    copyFileSync(join(repo, path), join(target, path));
  }
  symlinkSync(join(repo, 'node_modules'), join(target, 'node_modules'), 'dir');
  for (const name of readdirSync(join(repo, 'packages'))) {
    const modules = join(repo, 'packages', name, 'node_modules');
    if (existsSync(modules) && existsSync(join(target, 'packages', name)))
      symlinkSync(modules, join(target, 'packages', name, 'node_modules'), 'dir');
  }
}

/**
 * The environment for a child `nx` in a copy: no daemon, no cloud, a private cache (and native
 * file cache) under `cacheDir`, no colours, and none of the calling Nx's NX_* variables.
 */
export function childNxEnv(cacheDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_')));
  return {
    ...env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_CACHE_DIRECTORY: join(cacheDir, 'cache'),
    // Nx would otherwise leave a native file cache per (temporary) workspace in the system temp folder.
    NX_NATIVE_FILE_CACHE_DIRECTORY: join(cacheDir, 'native'),
    CI: 'true',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...extra,
  };
}

import type { Builder } from './builder';

/** What a workspace tool's main function gets from its bin (tools/run-tool.cjs) or from a test. */
export interface ToolDeps {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  /** Progress, errors and the builds' own output. */
  stderr: (text: string) => void;
  /** Aborting (Ctrl-C) stops the builds; the tool then cleans up and returns 130/143. */
  signal?: AbortSignal;
  /** How connectors are built; default Nx (`--build-script` overrides both). */
  builder?: Builder;
}

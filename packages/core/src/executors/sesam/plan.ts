import {
  COMMAND_OPTIONS,
  SECRET_OPTIONS,
  SESAM_COMMANDS,
  buildSesamArgs,
  commandWordOf,
  isSesamCommand,
  type SesamCommand,
} from '@sesam/sesam-cli-wrapper';
import type { SesamExecutorOptions } from './schema';

/** What the executor will run: sesam arguments, and whether it is a download (run in a copy). */
export interface SesamPlan {
  args: string[];
  /** The sesam command word (`validate`, …), for messages. */
  command: string;
  download: boolean;
}

/** A mistake in the target's options; the message says what to change. */
export class SesamTargetError extends Error {
  override name = 'SesamTargetError';
}

const OWN_OPTIONS = new Set(['command', 'args', 'cwd', 'timeoutMs', 'binary']);

/**
 * Turns executor options into sesam arguments. Typed commands accept exactly the options the
 * wrapper maps for that command (no secrets); `exec` passes `args` unchanged and ignores the
 * other keys, which Nx derives from those same arguments.
 */
export const planSesamRun = (options: SesamExecutorOptions, label: string): SesamPlan => {
  const { command } = options;
  if (command === 'exec') return planRaw(options.args, label);
  if (!isSesamCommand(command)) {
    throw new SesamTargetError(
      `${label}: 'command' must be one of ${[...SESAM_COMMANDS, 'exec'].join(', ')}; got ${JSON.stringify(command)}.`,
    );
  }
  const allowed = new Set<string>([...COMMAND_OPTIONS[command], ...(command === 'format' ? ['target'] : [])]);
  const sesamOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as unknown as Record<string, unknown>)) {
    if (OWN_OPTIONS.has(key) || value === undefined) continue;
    if (key === '_') {
      if (Array.isArray(value) && value.length > 0) {
        throw new SesamTargetError(
          `${label}: unexpected arguments ${value.map(String).join(' ')}. Give options as --name=value, or pass raw sesam arguments with the \`sesam\` target: nx run <project>:sesam -- ${command} …`,
        );
      }
      continue;
    }
    if ((SECRET_OPTIONS as readonly string[]).includes(key)) {
      throw new SesamTargetError(
        `${label}: '${key}' is a credential and is not accepted as a target option (it would end up in project configuration or shell history). ` +
          'Put NODE/JWT in a .syncconfig file (git-ignored) or the environment, and connector logins in .authconfig.',
      );
    }
    if (!allowed.has(key)) {
      throw new SesamTargetError(
        `${label}: '${key}' is not an option of sesam ${command}. Options: ${[...allowed].filter((k) => !(SECRET_OPTIONS as readonly string[]).includes(k)).join(', ')}. ` +
          `Raw sesam flags go through the sesam target: nx run <project>:sesam -- ${command} <flags>`,
      );
    }
    sesamOptions[key] = value;
  }
  return {
    args: buildSesamArgs(command as SesamCommand, sesamOptions as never),
    command,
    download: command === 'download',
  };
};

const planRaw = (args: unknown, label: string): SesamPlan => {
  if (!Array.isArray(args) || args.length === 0 || args.some((a) => typeof a !== 'string')) {
    throw new SesamTargetError(
      `${label}: give sesam's arguments after --, e.g. nx run <project>:sesam -- validate -vv`,
    );
  }
  const word = commandWordOf(args);
  return { args: [...args], command: word ?? '', download: word === 'download' };
};

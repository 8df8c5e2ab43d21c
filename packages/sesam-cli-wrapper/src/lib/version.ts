import { SESAM_INSTALL_HELP, SesamCliVersionError } from './errors';

/**
 * The oldest sesam-py this wrapper supports. The command set and flags it maps (offline
 * `validate`/`format`, `expand`, `--ignore-refresh-token`, `--upload-workers`, …) and the
 * behaviour described in the workspace docs were taken from sesam-py 2.11.13; 2.5.x, for
 * example, has no `validate`, `expand` or `format` command at all.
 */
export const MIN_SESAM_VERSION = '2.11.0';

export interface SesamVersion {
  major: number;
  minor: number;
  patch: number;
  /** As printed, e.g. `2.11.13`. */
  text: string;
}

/** Reads `sesam version 2.11.13` (the output of `sesam -version`); undefined when absent. */
export const parseSesamVersion = (output: string): SesamVersion | undefined => {
  const match = /sesam version v?(\d+)\.(\d+)(?:\.(\d+))?/i.exec(output);
  if (!match) return undefined;
  const [, major, minor, patch = '0'] = match;
  return {
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    text: match[0].replace(/^sesam version v?/i, ''),
  };
};

export const compareVersions = (a: SesamVersion, b: SesamVersion): number =>
  a.major - b.major || a.minor - b.minor || a.patch - b.patch;

/** Throws SesamCliVersionError unless `output` names a version at least `minimum`. */
export const assertSupportedVersion = (output: string, binary: string, minimum: string): SesamVersion => {
  const required = parseSesamVersion(`sesam version ${minimum}`);
  if (!required) throw new Error(`Invalid minimum sesam version '${minimum}' (expected e.g. 2.11.0).`);
  const found = parseSesamVersion(output);
  if (!found) {
    const shown = output.trim().split(/\r?\n/).slice(0, 3).join(' | ') || '(no output)';
    throw new SesamCliVersionError(
      `Could not read a version from \`${binary} -version\` (it printed: ${shown}). ` +
        `Is ${binary} sesam-py's sesam? The workspace needs sesam-py ${minimum} or newer.\n${SESAM_INSTALL_HELP}`,
      binary,
      undefined,
      minimum,
    );
  }
  if (compareVersions(found, required) < 0) {
    throw new SesamCliVersionError(
      `sesam ${found.text} at ${binary} is too old: the workspace needs sesam-py ${minimum} or newer ` +
        `(for the connector commands validate, expand and authenticate and their flags).\n${SESAM_INSTALL_HELP}`,
      binary,
      found.text,
      minimum,
    );
  }
  return found;
};

import type { DatatypePattern } from '@sesam-connectors/template-pack';
import { DEFAULT_SYSTEM_PLACEHOLDER } from '../expand/expand';
import type { ConfigProblem } from './problems';
import type { ConnectorConfig } from './types';

/** The longest file name most file systems allow (ext4, APFS, NTFS: 255 bytes or UTF-16 units). */
export const MAX_FILE_NAME_BYTES = 255;

/** The role of the pipe sesam-py's expand adds for every datatype (`<system>-<datatype>-transform`). */
const SHIM_ROLE = 'transform';

/**
 * Names so long that a file derived from them cannot exist: the longest is expand's
 * `pipes/<system>-<datatype>-<role>.conf.json` (the system being the placeholder `xxxxxx` when it is
 * shorter), so a name that passes here builds, validates and expands. A raw template path's
 * segments are file names of their own.
 */
export function checkNameLengths(
  config: ConnectorConfig,
  patterns: readonly DatatypePattern[],
): ConfigProblem[] {
  const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
  const role = Math.max(
    SHIM_ROLE.length,
    ...patterns.flatMap((p) => p.pipes.map((pipe) => bytes(pipe.role))),
  );
  const system = Math.max(bytes(config.system), DEFAULT_SYSTEM_PLACEHOLDER.length);
  const room = MAX_FILE_NAME_BYTES - system - role - '--.conf.json'.length;
  if (room < 1) {
    return [
      {
        path: ['system'],
        message: `is ${bytes(config.system)} bytes long: its pipe files (<system>-<datatype>-<role>.conf.json) would not fit the ${MAX_FILE_NAME_BYTES} bytes of a file name; choose a shorter system name`,
      },
    ];
  }
  const problems: ConfigProblem[] = [];
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (bytes(name) > room)
      problems.push({
        path: ['datatypes', name.length > 40 ? `${name.slice(0, 40)}…` : name],
        message: `datatype name is ${bytes(name)} bytes long: with system "${config.system}" it may have at most ${room}, so that every file derived from it (such as pipes/${config.system}-<datatype>-<role>.conf.json) fits the ${MAX_FILE_NAME_BYTES} bytes of a file name; choose a shorter name`,
      });
    const long = datatype.template?.split('/').find((segment) => bytes(segment) > MAX_FILE_NAME_BYTES);
    if (long !== undefined)
      problems.push({
        path: ['datatypes', name, 'template'],
        message: `has a path segment of ${bytes(long)} bytes, more than the ${MAX_FILE_NAME_BYTES} a file name may have; choose a shorter path`,
      });
  }
  return problems;
}

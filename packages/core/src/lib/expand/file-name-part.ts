/** Longest profile or system placeholder: both become parts of file names (`<profile>-env.json`, `pipes/<placeholder>-…`). */
export const MAX_FILE_NAME_PART_BYTES = 64;

/**
 * Why a value cannot be part of a file name (the expand profile, the system placeholder), or
 * undefined: a path separator, a control character or too long a value would write a file
 * elsewhere or a name the terminal shows wrongly; a profile may not be empty, `.` or `..` either
 * (`..-env.json`). An empty placeholder is sesam-py's own behaviour (expand-reference §7.6) and stays.
 */
export function fileNamePartProblem(value: string, kind: 'profile' | 'placeholder'): string | undefined {
  if (kind === 'profile' && value === '') return 'may not be empty (it becomes part of file names)';
  if (kind === 'profile' && (value === '.' || value === '..'))
    return `may not be ${value} (it becomes part of file names)`;
  if (/[/\\]/.test(value)) return 'may not contain / or \\ (it becomes part of file names)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return 'may not contain control characters';
  if (Buffer.byteLength(value, 'utf8') > MAX_FILE_NAME_PART_BYTES)
    return `may be at most ${MAX_FILE_NAME_PART_BYTES} bytes long (it becomes part of file names)`;
  return undefined;
}

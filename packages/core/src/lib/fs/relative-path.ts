/** A path relative to a folder that stays inside it: no absolute path, `\`, empty, `.` or `..` segment. */
export const isInsideRelativePath = (path: string): boolean =>
  !path.startsWith('/') &&
  !path.includes('\\') &&
  path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

export interface ValidateExecutorSchema {
  /** Profile name used for the expansion (default test). */
  profile?: string;
  /** The value of {{@ system @}} (default xxxxxx). */
  systemPlaceholder?: string;
  /** Report undefined expand-time variables as warnings instead of errors (default false). */
  compat?: boolean;
  /** Report format (default text). */
  format?: 'text' | 'json';
}

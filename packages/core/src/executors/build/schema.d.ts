export interface BuildExecutorSchema {
  /** Render with a copy of the template pack in this folder (workspace-relative). */
  packDir?: string;
  /** Validate the rendered connector before it replaces connector/ (default true). */
  validate?: boolean;
  /** Validator rules whose errors are accepted (reported as warnings); the README says why. */
  acceptedRules?: string[];
}

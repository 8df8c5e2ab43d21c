export interface ExpandExecutorSchema {
  /** Profile name: the env file is written as <profile>-env.json (default test). */
  profile?: string;
  /** The value of {{@ system @}} (default xxxxxx). */
  systemPlaceholder?: string;
  /** Render undefined expand-time variables as "" like sesam-py (default false: they fail the target). */
  compat?: boolean;
}

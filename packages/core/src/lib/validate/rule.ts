import type { ConnectorView } from './connector-view';
import type { Finding, Severity } from './finding';

/** A validation rule: its id, severity and what it checks (one line). */
export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
}

/** A check reports findings for one or more related rules. */
export type Check = (view: ConnectorView) => Finding[];

export const rule = (id: string, severity: Severity, description: string): RuleInfo => ({
  id,
  severity,
  description,
});

import type { ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { rule } from '../rule';

export const EXPAND = rule(
  'sesam/expand',
  'error',
  'The connector expands (sesam validate expands first and fails with it).',
);

export function checkExpansion(view: ConnectorView): Finding[] {
  const error = view.expandError;
  if (!error) return [];
  return [
    finding(
      EXPAND,
      { file: error.file, jsonPath: error.jsonPath ?? [], line: error.line },
      `expansion fails: ${error.reason}`,
      error.hint ?? 'fix the error',
    ),
  ];
}

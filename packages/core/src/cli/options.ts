import type { OptionSpec } from './args';

/** Options `expand` and `validate` share (sesam-py's spellings included). */
export const CONNECTOR_OPTIONS: readonly OptionSpec[] = [
  { name: 'dir', aliases: ['-d'], takesValue: true },
  { name: 'system-placeholder', takesValue: true },
  { name: 'profile', aliases: ['-profile'], takesValue: true },
  { name: 'compat', takesValue: false },
  { name: 'help', aliases: ['-h'], takesValue: false },
];

export const EXPAND_OPTIONS: readonly OptionSpec[] = [
  ...CONNECTOR_OPTIONS,
  { name: 'expanded-dir', aliases: ['-e'], takesValue: true },
  { name: 'dry-run', takesValue: false },
];

export const VALIDATE_OPTIONS: readonly OptionSpec[] = [
  ...CONNECTOR_OPTIONS,
  { name: 'format', takesValue: true },
];

export const DIAGRAM_OPTIONS: readonly OptionSpec[] = [
  { name: 'dir', aliases: ['-d'], takesValue: true },
  { name: 'system-placeholder', takesValue: true },
  { name: 'datatype', takesValue: true },
  { name: 'help', aliases: ['-h'], takesValue: false },
];

export const DRIFT_OPTIONS: readonly OptionSpec[] = [
  { name: 'format', takesValue: true },
  { name: 'figures', takesValue: false },
  { name: 'help', aliases: ['-h'], takesValue: false },
];

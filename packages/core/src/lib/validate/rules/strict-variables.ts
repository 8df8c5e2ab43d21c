import type { ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { locateVariable } from '../locate';
import { MANIFEST_FILE } from '../../layout';
import { rule } from '../rule';

export const UNDEFINED_VARIABLE = rule(
  'strict/undefined-variable',
  'error',
  'Every {{@ variable @}} a template prints is defined (sesam-py silently renders an undefined one as "").',
);
export const LEAKED_PARAMETER = rule(
  'strict/leaked-parameter',
  'warning',
  "A datatype's template uses no parameter that only an earlier datatype defines (it leaks in by manifest order).",
);

/** Undefined expand-time variables, one finding per template and variable (listing the datatypes). */
export function checkUndefinedVariables(view: ConnectorView): Finding[] {
  const grouped = new Map<
    string,
    { file: string; name: string; message: string; isVariable: boolean; line: number; where: Set<string> }
  >();
  for (const use of view.expanded?.undefinedVariables ?? []) {
    const key = `${use.file}\0${use.name}\0${use.isVariable}`;
    const entry = grouped.get(key) ?? {
      file: use.file,
      name: use.name,
      message: use.message,
      isVariable: use.isVariable,
      line: use.line,
      where: new Set<string>(),
    };
    entry.where.add(use.datatype === undefined ? 'the system template' : `datatype ${use.datatype}`);
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ file, name, message, isVariable, line, where }) =>
    finding(
      UNDEFINED_VARIABLE,
      { file, jsonPath: locateVariable(view.templates.get(file), name), line },
      `${message}, so it renders as "" (for ${[...where].join(', ')})`,
      isVariable
        ? `declare '${name}' in manifest additional_parameters (it becomes $ENV(${name})) or in the datatype's parameters`
        : 'fix the attribute or key name',
    ),
  );
}

export function checkLeakedParameters(view: ConnectorView): Finding[] {
  return (view.expanded?.leakedParameters ?? []).map(({ name, datatype, definedBy }) =>
    finding(
      LEAKED_PARAMETER,
      { file: MANIFEST_FILE, jsonPath: ['datatypes', datatype] },
      `datatype ${datatype} uses parameter '${name}', which only datatype ${definedBy} defines; it gets that value only because ${definedBy} comes first in the manifest`,
      `add '${name}' to datatypes.${datatype}.parameters`,
    ),
  );
}

/** Template variables every template gets without an additional_parameters entry. */
const BUILT_IN_VARIABLES = new Set(['system', 'datatype', 'parent']);

const VARIABLE = /\{\{@\s*([A-Za-z_][A-Za-z0-9_]*)\s*@\}\}/g;

/** The `{{@ name @}}` variables a text uses that must come from the environment, in first-use order. */
export const environmentVariablesIn = (text: string): string[] => [
  ...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]).filter((name) => !BUILT_IN_VARIABLES.has(name))),
];

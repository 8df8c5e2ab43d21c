import { isJsonObject, JsonParseError, parseJson, type JsonValue } from '../json';
import { TEMPLATES_DIR } from '../layout';
import type { ConfigProblem } from './problems';
import type { ConnectorConfig } from './types';

/** A datatype as the build lists it in the manifest it renders (or checks a verbatim one against). */
export interface RenderedDatatype {
  readonly name: string;
  readonly label?: string;
  /** The template path the manifest names (relative to connector/). */
  readonly template: string;
  /** Extra manifest fields (parent, parameters, …). */
  readonly manifest: { readonly [field: string]: unknown };
}

/** The label `datatypeLabels: "name"` gives a datatype: its name, first letter upper-cased. */
export const labelByName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** A datatype's manifest label: its own, else the one `datatypeLabels` gives, else none (also for `null`). */
const manifestLabel = (config: ConnectorConfig, name: string): string | undefined => {
  const own = config.datatypes[name]!.label;
  if (own !== undefined) return own ?? undefined;
  return config.datatypeLabels === 'name' ? labelByName(name) : undefined;
};

/**
 * Every datatype as the manifest lists it: its label (see `manifestLabel`), and its template path —
 * its own file, its reuse target's, or its raw path.
 */
export function renderedDatatypes(config: ConnectorConfig): RenderedDatatype[] {
  return Object.entries(config.datatypes).map(([name, datatype]) => {
    const label = manifestLabel(config, name);
    return {
      name,
      ...(label === undefined ? {} : { label }),
      template:
        datatype.pattern === 'raw' ? datatype.template! : `${TEMPLATES_DIR}/${datatype.reuse ?? name}.json`,
      manifest: datatype.manifest,
    };
  });
}

/**
 * Problems with a verbatim manifest (`manifestFile`): it must parse, and its datatypes and
 * template paths must be exactly those connector.json describes.
 */
export function manifestFileProblems(
  config: ConnectorConfig,
  text: string,
  datatypes: readonly RenderedDatatype[],
  systemTemplate: string,
): ConfigProblem[] {
  const file = config.manifestFile!;
  const at = (message: string): ConfigProblem => ({ path: ['manifestFile'], message: `${file}: ${message}` });
  let manifest: JsonValue;
  try {
    manifest = parseJson(text, file);
  } catch (error) {
    if (error instanceof JsonParseError) return [at(`not valid JSON: ${error.pythonMessage}`)];
    throw error;
  }
  if (!isJsonObject(manifest)) return [at('must be a JSON object')];
  const problems: ConfigProblem[] = [];
  if (manifest.get('system-template') !== systemTemplate) {
    const how =
      config.systemFile === undefined
        ? 'the build writes the system template there'
        : `the build copies systemFile ${config.systemFile} there: systemFile is raw/<system-template>`;
    problems.push(at(`system-template must be "${systemTemplate}" (${how})`));
  }
  const listed = manifest.get('datatypes');
  if (!isJsonObject(listed)) return [...problems, at('has no datatypes object')];
  for (const datatype of datatypes) {
    const entry = listed.get(datatype.name);
    if (entry === undefined) {
      problems.push(at(`datatypes has no "${datatype.name}", which connector.json defines`));
    } else if (!isJsonObject(entry) || entry.get('template') !== datatype.template) {
      problems.push(
        at(
          `datatypes.${datatype.name}.template must be "${datatype.template}" (what the build writes for it)`,
        ),
      );
    }
  }
  const known = new Set(datatypes.map((d) => d.name));
  for (const name of listed.keys()) {
    if (!known.has(name)) problems.push(at(`datatypes has "${name}", which connector.json does not define`));
  }
  return problems;
}

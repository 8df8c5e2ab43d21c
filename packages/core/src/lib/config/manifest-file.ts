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

/** The manifest template path of every datatype: its own file, its reuse target's, or its raw path. */
export function renderedDatatypes(config: ConnectorConfig): RenderedDatatype[] {
  return Object.entries(config.datatypes).map(([name, datatype]) => ({
    name,
    ...(datatype.label === undefined ? {} : { label: datatype.label }),
    template:
      datatype.pattern === 'raw' ? datatype.template! : `${TEMPLATES_DIR}/${datatype.reuse ?? name}.json`,
    manifest: datatype.manifest,
  }));
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

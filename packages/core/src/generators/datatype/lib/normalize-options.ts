import type { Tree } from '@nx/devkit';
import { parseCommaList } from '../../shared/comma-list';
import { readConnectorConfig, objectMember, type ConnectorConfigFile } from '../../shared/connector-json';
import { connectorRoot } from '../../shared/connector-paths';
import { assertValidDatatypeRequest, type DatatypeRequest } from '../../shared/datatype-request';
import { GeneratorError } from '../../shared/generator-error';
import { assertValidName } from '../../shared/names';
import { DEFAULT_DATATYPE_PATTERN, type DatatypePatternName } from '@sesam-connectors/template-pack';
import { JsonObject } from '../../../lib/json';
import type { DatatypeGeneratorSchema } from '../schema';

export interface NormalizedDatatypeOptions {
  system: string;
  projectRoot: string;
  file: ConnectorConfigFile;
  /** connector.json's `datatypes` (empty when the file has none yet). */
  datatypes: JsonObject;
  request: DatatypeRequest;
  addRegistry: boolean | undefined;
}

/** `shopify` or the project name `shopify-connector` → `shopify`. */
const systemOf = (connector: string): string => connector.trim().replace(/-connector$/, '');

export const normalizeOptions = (tree: Tree, schema: DatatypeGeneratorSchema): NormalizedDatatypeOptions => {
  const request: DatatypeRequest = {
    name: (schema.name ?? '').trim(),
    pattern: (schema.pattern?.trim() || DEFAULT_DATATYPE_PATTERN) as DatatypePatternName,
    label: schema.label?.trim() || undefined,
    topics: parseCommaList(schema.topics),
    share: schema.share ?? false,
    listUrl: schema.listUrl?.trim() || undefined,
  };
  assertValidDatatypeRequest(request, {
    name: '--name',
    pattern: '--pattern',
    topics: '--topics',
    share: '--share',
    listUrl: '--listUrl',
  });

  const system = systemOf(schema.connector ?? '');
  assertValidName(system, 'system', '--connector');
  const file = readConnectorConfig(tree, system, '--connector');
  const datatypes = objectMember(file, file.config, 'datatypes', 'datatypes') ?? new JsonObject();
  if (datatypes.has(request.name)) {
    throw new GeneratorError(
      `${file.path}: datatypes.${request.name} already exists; the datatype generator never overwrites a datatype. ` +
        `Edit it in connector.json, or choose another name.`,
    );
  }
  return {
    system,
    projectRoot: connectorRoot(system),
    file,
    datatypes,
    request,
    addRegistry: schema.addRegistry,
  };
};

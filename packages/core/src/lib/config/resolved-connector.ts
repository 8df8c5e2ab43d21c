import type { DatatypePattern, PatternOptions } from '@sesam-connectors/template-pack';
import { RAW_DIR, TEMPLATES_DIR } from '../layout';
import type { PatchOperation } from '../patch';
import { resolveDatatype } from './datatype-pattern';
import { renderedDatatypes, type RenderedDatatype } from './manifest-file';
import { rendersSystem, systemTemplatePath, type RenderedSystemConfig } from './package-layout';
import type { ConfigObject, ConnectorConfig } from './types';
import { keepsSourceManifest } from './verbatim-checks';

/** A template file the pack renders: one datatype's pattern pipes (its reusers share the file). */
export interface PatternTemplate {
  readonly kind: 'pattern';
  readonly datatype: string;
  /** Relative to connector/ (`templates/<datatype>.json`). */
  readonly file: string;
  readonly pattern: DatatypePattern;
  /** The options it renders with, the pattern's defaults applied. */
  readonly options: PatternOptions;
  readonly patches: { readonly [role: string]: readonly PatchOperation[] };
}

/** A template file copied verbatim from `raw/` (a raw datatype's; datatypes naming one file share it). */
export interface RawTemplate {
  readonly kind: 'raw';
  readonly datatype: string;
  /** Relative to connector/. */
  readonly file: string;
  /** Relative to the package (`raw/<file>`). */
  readonly source: string;
}

/**
 * connector.json after the one config check, in the form the renderer takes: every lookup done
 * (each datatype's pattern and effective options, the system operations, the manifest's datatype
 * list, where the system template goes) and the verbatim files' text read, checked and at hand.
 * Only `checkConnectorConfig` makes one, so the renderer never meets unchecked input.
 */
export interface ResolvedConnector {
  /** The checked, normalised connector.json (defaults applied). */
  readonly config: ConnectorConfig;
  /** Every datatype as the manifest lists it. */
  readonly manifestDatatypes: readonly RenderedDatatype[];
  /** The datatype template files, in connector.json's order, each once. */
  readonly templates: readonly (PatternTemplate | RawTemplate)[];
  /** Where the system template goes, relative to connector/. */
  readonly systemTemplate: string;
  /** The system the pack renders (absent with `systemFile`): its config and every operation by full name. */
  readonly system?: {
    readonly config: RenderedSystemConfig;
    readonly operations: { readonly [name: string]: ConfigObject };
  };
  /** The verbatim files' text by package-relative path (`manifestFile`, `systemFile`, `raw/…`). */
  readonly rawFiles: ReadonlyMap<string, string>;
}

/**
 * The resolved form of a config the check accepted, with the system operations it assembled and
 * the verbatim files it read. A raw template a verbatim manifest names but the package lacks is
 * left out (a warning of the checks).
 */
export function resolveConnector(
  config: ConnectorConfig,
  patterns: readonly DatatypePattern[],
  operations: { readonly [name: string]: ConfigObject } | undefined,
  rawFiles: ReadonlyMap<string, string>,
): ResolvedConnector {
  const templates: (PatternTemplate | RawTemplate)[] = [];
  const taken = new Set<string>();
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (datatype.reuse !== undefined) continue;
    if (datatype.pattern === 'raw') {
      const file = datatype.template!;
      const source = `${RAW_DIR}/${file}`;
      if (taken.has(file) || (!rawFiles.has(source) && keepsSourceManifest(config))) continue;
      taken.add(file);
      templates.push({ kind: 'raw', datatype: name, file, source });
      continue;
    }
    const { pattern, options } = resolveDatatype(datatype, patterns);
    // The schema admits only the pack's pattern names, so this is a pack out of step with the schema.
    if (pattern === undefined) throw new Error(`the template pack has no pattern ${datatype.pattern}`);
    const file = `${TEMPLATES_DIR}/${name}.json`;
    taken.add(file);
    templates.push({ kind: 'pattern', datatype: name, file, pattern, options, patches: datatype.patches });
  }
  return {
    config,
    manifestDatatypes: renderedDatatypes(config),
    templates,
    systemTemplate: systemTemplatePath(config),
    ...(rendersSystem(config) && operations !== undefined ? { system: { config, operations } } : {}),
    rawFiles,
  };
}

import { isInsideRelativePath } from '../fs/relative-path';
import { isLegacyDatatypeName, nameProblem } from './names';
import { MANIFEST_FILE, RAW_DIR } from '../layout';
import { systemTemplatePath } from './package-layout';
import { dottedPath, type ConfigFindings, type ConfigProblem } from './problems';
import type { ConnectorConfig } from './types';

/** What the verbatim checks need to know about the package folder. */
export interface VerbatimCheckContext {
  /** Whether a file exists at this path relative to the package folder. */
  readonly fileExists: (relativePath: string) => boolean;
}

/**
 * Whether the package copies its manifest verbatim (`manifestFile`, an imported connector). Only
 * such a package may keep its source's legacy shapes: no datatypes, datatype names that break the
 * naming rule with '-', '_' or upper case (the source's pipes, files and operations carry them, and
 * import proves the expansion equal), raw templates the manifest names but the source never had.
 * Each is a build warning; a package whose manifest the build generates keeps the rules.
 */
export const keepsSourceManifest = (config: ConnectorConfig): boolean => config.manifestFile !== undefined;

const LEGACY_NAME_RULE =
  "A package with manifestFile keeps such a name only when it breaks the rule with '-', '_' or upper case alone";

/** A package-relative file the build copies: inside the package, and there. */
function packageFileProblems(field: string, file: string, context: VerbatimCheckContext): ConfigProblem[] {
  if (!isInsideRelativePath(file)) {
    return [
      {
        path: [field],
        message: `"${file}" must be a relative path inside the package (no leading /, no \\, . or .. segments)`,
      },
    ];
  }
  if (!context.fileExists(file))
    return [{ path: [field], message: `"${file}" does not exist in the package folder` }];
  return [];
}

/** `manifestFile`: the file, and no connector.json field that only a generated manifest uses. */
function checkManifestFile(config: ConnectorConfig, context: VerbatimCheckContext): ConfigProblem[] {
  const file = config.manifestFile;
  if (file === undefined) return [];
  const problems = packageFileProblems('manifestFile', file, context);
  if (Object.keys(config.manifest).length > 0) {
    problems.push({
      path: ['manifest'],
      message: `has no effect with manifestFile (the manifest is copied from ${file}); edit that file instead`,
    });
  }
  const noEffect = `has no effect with manifestFile; edit ${file} instead`;
  if (config.datatypeLabels !== undefined) problems.push({ path: ['datatypeLabels'], message: noEffect });
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    if (datatype.label !== undefined)
      problems.push({ path: ['datatypes', name, 'label'], message: noEffect });
    if (Object.keys(datatype.manifest).length > 0)
      problems.push({ path: ['datatypes', name, 'manifest'], message: noEffect });
  }
  return problems;
}

/**
 * `systemFile`: raw/<path in connector/> (the manifest's system-template is checked against it
 * when the build reads the manifest), and no field that only a rendered system uses. A generated
 * manifest beside it gets no auth from the pack (as with auth none): its auth passes through `manifest`.
 */
function checkSystemFile(config: ConnectorConfig, context: VerbatimCheckContext): ConfigProblem[] {
  const file = config.systemFile;
  if (file === undefined) return [];
  const problems: ConfigProblem[] = [];
  if (!file.startsWith(`${RAW_DIR}/`)) {
    problems.push({
      path: ['systemFile'],
      message: `"${file}" must be in ${RAW_DIR}/, at ${RAW_DIR}/<the manifest's system-template> (e.g. ${RAW_DIR}/templates/system.json): the build copies it to that path in connector/`,
    });
  } else if (systemTemplatePath(config) === MANIFEST_FILE) {
    problems.push({
      path: ['systemFile'],
      message: `"${file}" would be copied to connector/${MANIFEST_FILE}, over the manifest; keep the system template at ${RAW_DIR}/templates/system.json`,
    });
  } else {
    problems.push(...packageFileProblems('systemFile', file, context));
  }
  for (const field of ['auth', 'restSystem'] as const) {
    if (config[field] !== undefined) {
      problems.push({
        path: [field],
        message: `has no effect with systemFile (the system template is copied from ${file}); remove it`,
      });
    }
  }
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    for (const field of ['path', 'operationDefaults', 'operations'] as const) {
      if (
        field === 'operations' ? Object.keys(datatype.operations).length > 0 : datatype[field] !== undefined
      ) {
        problems.push({
          path: ['datatypes', name, field],
          message: `has no effect with systemFile: the system's operations are those in ${file}; edit that file instead`,
        });
      }
    }
  }
  return problems;
}

/**
 * The source's legacy shapes a package with a verbatim manifest keeps (see `keepsSourceManifest`):
 * warnings for raw datatypes with a legacy name or without their template file; errors for any
 * other datatype that breaks the naming rule (the schema checks names only without manifestFile).
 */
function checkLegacyShapes(config: ConnectorConfig, context: VerbatimCheckContext): ConfigFindings {
  const findings: ConfigFindings = { errors: [], warnings: [] };
  const file = config.manifestFile;
  if (file === undefined) return findings;
  for (const [name, datatype] of Object.entries(config.datatypes)) {
    const raw = datatype.pattern === 'raw';
    const problem = nameProblem('datatype', name);
    if (problem !== undefined && isLegacyDatatypeName(name)) {
      const kept = raw
        ? `${file} and the template are verbatim copies`
        : `${file} is a verbatim copy, and the pipes, template file and operations the pattern renders carry the name as the source's did`;
      findings.warnings.push({
        path: ['datatypes', name],
        message: `${problem}. Kept as imported (${kept}), and sesam validate's strict/datatype-name reports it too; rename it in both and here when you can`,
      });
    } else if (problem !== undefined) {
      findings.errors.push({ path: ['datatypes', name], message: `${problem}. ${LEGACY_NAME_RULE}` });
    }
    const template = datatype.template;
    if (raw && template !== undefined && isInsideRelativePath(template)) {
      if (!context.fileExists(`${RAW_DIR}/${template}`)) {
        findings.warnings.push({
          path: ['datatypes', name, 'template'],
          message: `${RAW_DIR}/${template} does not exist, so the build writes no ${template}; ${file} names it, and sesam expand fails on it (TemplateNotFound) as on the source. Add the file, or remove ${dottedPath(['datatypes', name])} here and in ${file}`,
        });
      }
    }
  }
  return findings;
}

/** The checks of `manifestFile` and `systemFile`, and the legacy shapes a verbatim package may keep. */
export function checkVerbatimFiles(config: ConnectorConfig, context: VerbatimCheckContext): ConfigFindings {
  const legacy = checkLegacyShapes(config, context);
  return {
    errors: [...checkManifestFile(config, context), ...checkSystemFile(config, context), ...legacy.errors],
    warnings: legacy.warnings,
  };
}

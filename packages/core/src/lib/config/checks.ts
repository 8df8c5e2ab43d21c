import type { DatatypePattern } from '@sesam-connectors/template-pack';
import { guardFix, unguardedOperations, type PatchOperation } from '../patch';
import { isInsideRelativePath } from '../fs/relative-path';
import { MANIFEST_FILE, RAW_DIR, TEMPLATES_DIR } from '../layout';
import { resolveDatatype } from './datatype-pattern';
import { checkNameLengths } from './name-lengths';
import { datatypeNameCollision } from './names';
import { EVERY_OPERATION, systemOperations, type SystemOperations } from './operations';
import { placeholderProblems } from './operation-placeholders';
import { rendersSystem, systemTemplatePath } from './package-layout';
import type { ConfigFindings, ConfigPath, ConfigProblem } from './problems';
import type { AuthConfig, AuthType, ConnectorConfig, DatatypeConfig } from './types';
import { checkVerbatimFiles, keepsSourceManifest } from './verbatim-checks';

/** What the checks need to know about the package folder. */
export interface ConfigCheckContext {
  /** Name of the package folder (must equal `system`). */
  readonly folder: string;
  /** Whether a file exists at this path relative to the package folder. */
  readonly fileExists: (relativePath: string) => boolean;
  readonly patterns: readonly DatatypePattern[];
}

/** Manifest fields the system pattern generates (from `auth` and `datatypes`). */
const GENERATED_MANIFEST_FIELDS: { readonly [field: string]: string } = {
  auth: 'it is generated from auth.type',
  oauth2: 'it is generated from auth.loginUrl, auth.tokenUrl and auth.scopes',
  datatypes: 'it is generated from datatypes',
  'system-template': 'it is always templates/system.json',
};

/** Root keys of the system the system pattern always writes, with the connector.json field that sets them. */
const GENERATED_SYSTEM_KEYS: { readonly [key: string]: string } = {
  _id: 'it is always {{@ system @}}',
  type: 'it is always system:rest',
  url_pattern: 'set restSystem.urlPattern',
  verify_ssl: 'set restSystem.verifySsl',
  operations: 'set restSystem.operations or datatypes.<dt>.operations',
  headers: 'set restSystem.headers',
};

/** Root keys of the system each auth type writes. */
const AUTH_SYSTEM_KEYS: { readonly [type in AuthType]: (auth: AuthConfig) => readonly string[] } = {
  oauth2: (auth) => (auth.accessTokenHeader === undefined ? ['oauth2'] : []),
  api_key: (auth) => (auth.apiKeyStyle === 'basic' ? ['authentication', 'username', 'password'] : []),
  tripletex: () => ['authentication', 'tripletex'],
  'superoffice-ticket': () => [],
  none: () => [],
};

/** Which auth types each optional auth field belongs to. */
const AUTH_FIELD_TYPES: { readonly [field: string]: readonly AuthType[] } = {
  loginUrl: ['oauth2', 'superoffice-ticket'],
  tokenUrl: ['oauth2', 'superoffice-ticket'],
  scopes: ['oauth2', 'superoffice-ticket'],
  accessTokenHeader: ['oauth2'],
  apiKeyStyle: ['api_key'],
  apiKeyHeader: ['api_key'],
  username: ['api_key'],
};

/**
 * Checks of a schema-valid connector.json that JSON schema cannot express. Warnings are only the
 * legacy shapes a package with a verbatim manifest keeps from its source (see verbatim-checks).
 */
export function configProblems(
  config: ConnectorConfig,
  context: ConfigCheckContext,
): ConfigFindings & { readonly operations?: SystemOperations['operations'] } {
  const verbatim = checkVerbatimFiles(config, context);
  const errors = [
    ...checkSystem(config, context),
    ...checkNameLengths(config, context.patterns),
    ...checkAuth(config),
    ...checkManifest(config),
    ...verbatim.errors,
    ...checkSystemProperties(config),
    ...checkConnectorPatches(config),
    ...Object.entries(config.datatypes).flatMap(([name, datatype]) =>
      checkDatatype(config, name, datatype, context),
    ),
  ];
  // The system's operations are assembled from datatypes whose reuse targets exist: only then.
  if (errors.length > 0 || !rendersSystem(config)) return { errors, warnings: verbatim.warnings };
  const { operations, problems } = systemOperations(config, context.patterns);
  return { errors: problems, warnings: verbatim.warnings, operations };
}

function checkSystem(config: ConnectorConfig, context: ConfigCheckContext): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.system !== context.folder) {
    problems.push({
      path: ['system'],
      message: `is "${config.system}" but the package folder is "${context.folder}": they must be equal (the Nx project is <system>-connector); rename one of them`,
    });
  }
  if (config.restSystem !== undefined && !config.restSystem.urlPattern.includes('%s')) {
    problems.push({
      path: ['restSystem', 'urlPattern'],
      message: 'must contain %s where Sesam puts each operation url, e.g. https://api.example.com/v1/%s',
    });
  }
  for (const [role, defaults] of Object.entries(config.restSystem?.operationDefaults ?? {})) {
    if (role === EVERY_OPERATION) continue; // text as written: it also serves operations of no datatype
    problems.push(...placeholderProblems(defaults, ['restSystem', 'operationDefaults', role]));
  }
  return problems;
}

function checkAuth(config: ConnectorConfig): ConfigProblem[] {
  const { auth } = config;
  if (auth === undefined) return [];
  const problems: ConfigProblem[] = [];
  for (const [field, types] of Object.entries(AUTH_FIELD_TYPES)) {
    if (auth[field as keyof typeof auth] !== undefined && !types.includes(auth.type)) {
      problems.push({
        path: ['auth', field],
        message: `only applies to auth.type ${types.join(' or ')}, not ${auth.type}; remove it`,
      });
    }
  }
  if (auth.type === 'api_key' && auth.apiKeyStyle === 'basic' && auth.apiKeyHeader !== undefined) {
    problems.push({
      path: ['auth', 'apiKeyHeader'],
      message: 'has no effect with apiKeyStyle basic; remove it',
    });
  }
  if (auth.type === 'api_key' && auth.apiKeyStyle !== 'basic' && auth.username !== undefined) {
    problems.push({
      path: ['auth', 'username'],
      message: 'is only used with apiKeyStyle basic; set apiKeyStyle or remove it',
    });
  }
  return problems;
}

function checkManifest(config: ConnectorConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const authType = config.auth?.type;
  for (const field of Object.keys(config.manifest)) {
    // auth none (and a copied system, which has no auth) generates no auth: the manifest's auth
    // and oauth2 block may be passed through.
    const noAuth = authType === 'none' || config.systemFile !== undefined;
    const passedThrough = noAuth && (field === 'auth' || field === 'oauth2');
    const reason =
      (passedThrough ? undefined : GENERATED_MANIFEST_FIELDS[field]) ??
      (field === 'auth_variant' && (authType === 'tripletex' || authType === 'superoffice-ticket')
        ? `it is generated from auth.type ${authType}`
        : undefined);
    if (reason !== undefined)
      problems.push({ path: ['manifest', field], message: `cannot be set here: ${reason}` });
  }
  return problems;
}

function checkSystemProperties(config: ConnectorConfig): ConfigProblem[] {
  if (!rendersSystem(config)) return [];
  const authKeys = AUTH_SYSTEM_KEYS[config.auth.type](config.auth);
  return Object.keys(config.restSystem.properties).flatMap((key): ConfigProblem[] => {
    const generated = GENERATED_SYSTEM_KEYS[key];
    if (generated !== undefined) {
      return [{ path: ['restSystem', 'properties', key], message: `cannot be set here: ${generated}` }];
    }
    if (authKeys.includes(key)) {
      return [
        {
          path: ['restSystem', 'properties', key],
          message: `cannot be set here: auth.type ${config.auth.type} writes it`,
        },
      ];
    }
    return [];
  });
}

function checkDatatype(
  config: ConnectorConfig,
  name: string,
  datatype: DatatypeConfig,
  context: ConfigCheckContext,
): ConfigProblem[] {
  const at = (...path: (string | number)[]): ConfigPath => ['datatypes', name, ...path];
  const problems: ConfigProblem[] = [];
  for (const field of ['template', 'label'] as const) {
    if (field in datatype.manifest) {
      const instead =
        field === 'label'
          ? `set datatypes.${name}.label`
          : 'it is the rendered file (use reuse or pattern raw)';
      problems.push({ path: at('manifest', field), message: `cannot be set here: ${instead}` });
    }
  }
  const ownTemplate =
    datatype.pattern === 'raw' || datatype.reuse !== undefined ? undefined : `${TEMPLATES_DIR}/${name}.json`;
  const collision = datatypeNameCollision(name, ownTemplate, systemTemplatePath(config));
  if (collision !== undefined) problems.push({ path: at(), message: collision });
  if (datatype.reuse !== undefined) problems.push(...checkReuse(config, name, datatype, at));
  if (datatype.pattern === 'raw') {
    problems.push(...checkRaw(config, datatype, at, context));
  } else if (datatype.template !== undefined) {
    problems.push({
      path: at('template'),
      message: `only applies to pattern raw; a ${datatype.pattern} datatype renders templates/${name}.json (to use another datatype's file, set reuse)`,
    });
  }
  problems.push(...checkDatatypePatches(datatype, at));
  const { pattern, options } = resolveDatatype(datatype, context.patterns);
  if (pattern?.check !== undefined && datatype.reuse === undefined) {
    for (const problem of pattern.check(options)) {
      problems.push({ path: at('options', ...problem.path), message: problem.message });
    }
  }
  return problems;
}

/** Every replace, remove and move of a patch must follow a `test` of its path (or an ancestor). */
function unguardedProblems(operations: readonly PatchOperation[], path: ConfigPath): ConfigProblem[] {
  return unguardedOperations(operations).map(({ index, pointer }) => ({
    path: [...path, index],
    message: `${operations[index]!.op} of ${JSON.stringify(pointer)} has no guard, so a pattern change could make it apply somewhere else: ${guardFix(pointer)}`,
  }));
}

function checkConnectorPatches(config: ConnectorConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const verbatim = { system: config.systemFile, manifest: config.manifestFile };
  for (const part of ['system', 'manifest'] as const) {
    const operations = config.patches[part];
    if (operations === undefined) continue;
    const file = verbatim[part];
    if (file !== undefined) {
      problems.push({
        path: ['patches', part],
        message: `has no effect: the ${part} is copied verbatim from ${file}; edit that file instead, or remove ${part === 'system' ? 'systemFile' : 'manifestFile'} so the ${part} is rendered`,
      });
    }
    problems.push(...unguardedProblems(operations, ['patches', part]));
  }
  return problems;
}

function checkDatatypePatches(
  datatype: DatatypeConfig,
  at: (...path: (string | number)[]) => ConfigPath,
): ConfigProblem[] {
  const roles = Object.keys(datatype.patches);
  if (roles.length === 0) return [];
  if (datatype.pattern === 'raw') {
    return [
      {
        path: at('patches'),
        message: `pattern raw renders nothing to patch: edit raw/${datatype.template ?? '<template>'} instead, or remove patches`,
      },
    ];
  }
  if (datatype.reuse !== undefined) {
    return [
      {
        path: at('patches'),
        message: `has no effect: the pipes come from "${datatype.reuse}"'s template; set the patches on ${datatype.reuse} (they then apply to every datatype that reuses it)`,
      },
    ];
  }
  return roles.flatMap((role) => unguardedProblems(datatype.patches[role]!, at('patches', role)));
}

function checkReuse(
  config: ConnectorConfig,
  name: string,
  datatype: DatatypeConfig,
  at: (...path: (string | number)[]) => ConfigPath,
): ConfigProblem[] {
  const targetName = datatype.reuse!;
  const target = config.datatypes[targetName];
  const known = Object.keys(config.datatypes).filter((n) => n !== name);
  if (targetName === name)
    return [{ path: at('reuse'), message: 'a datatype cannot reuse itself; remove reuse' }];
  if (target === undefined || !Object.prototype.hasOwnProperty.call(config.datatypes, targetName)) {
    return [
      {
        path: at('reuse'),
        message: `datatype "${targetName}" does not exist; it must be one of ${known.join(', ') || '(no other datatypes)'}`,
      },
    ];
  }
  const problems: ConfigProblem[] = [];
  if (target.reuse !== undefined) {
    problems.push({
      path: at('reuse'),
      message: `"${targetName}" reuses "${target.reuse}" itself; reuse "${target.reuse}" directly`,
    });
  }
  if (target.pattern === 'raw' || datatype.pattern === 'raw') {
    problems.push({
      path: at('reuse'),
      message:
        'raw datatypes share a file by naming the same template, not through reuse; set template instead',
    });
  } else if (target.pattern !== datatype.pattern) {
    problems.push({
      path: at('pattern'),
      message: `must be ${target.pattern}, the pattern of "${targetName}" whose template it reuses (the system operations follow the pattern)`,
    });
  }
  if (Object.keys(datatype.options).length > 0) {
    problems.push({
      path: at('options'),
      message: `has no effect: the pipes come from "${targetName}"'s template; set the options on ${targetName}`,
    });
  }
  return problems;
}

function checkRaw(
  config: ConnectorConfig,
  datatype: DatatypeConfig,
  at: (...path: (string | number)[]) => ConfigPath,
  context: ConfigCheckContext,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (Object.keys(datatype.options).length > 0) {
    problems.push({ path: at('options'), message: 'pattern raw takes no options; remove them' });
  }
  const template = datatype.template;
  if (template === undefined) {
    problems.push({
      path: at('template'),
      message: `required field is missing: pattern raw copies this file (path relative to connector/, kept in ${RAW_DIR}/<path>)`,
    });
    return problems;
  }
  if (!isInsideRelativePath(template)) {
    problems.push({
      path: at('template'),
      message: `"${template}" must be a relative path inside connector/ (no leading /, no \\, . or .. segments)`,
    });
    return problems;
  }
  const rendered = new Set([MANIFEST_FILE, systemTemplatePath(config)]);
  for (const [other, d] of Object.entries(config.datatypes)) {
    if (d.pattern !== 'raw' && d.reuse === undefined) rendered.add(`templates/${other}.json`);
  }
  if (rendered.has(template)) {
    problems.push({
      path: at('template'),
      message: `"${template}" is a file the build already writes (the manifest, the system template or a pattern datatype's template); choose another path`,
    });
  } else if (!keepsSourceManifest(config) && !context.fileExists(`${RAW_DIR}/${template}`)) {
    // With a verbatim manifest a missing file is the source's legacy (a warning, see verbatim-checks).
    problems.push({
      path: at('template'),
      message: `${RAW_DIR}/${template} does not exist in the package folder; put the verbatim file there`,
    });
  }
  return problems;
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { dottedPath } from '../../../lib/config/problems';
import { InputFileError, readInputText } from '../../../lib/fs';
import { isJsonObject, JsonParseError, parseJson, type JsonObject } from '../../../lib/json';
import { MANIFEST_FILE, TEMPLATES_DIR } from '../../../lib/layout';
import { GeneratorError } from '../../shared/generator-error';

/** One datatype of the source manifest. */
export interface SourceDatatype {
  name: string;
  /** Its `template` path, relative to the source folder. */
  template: string;
  /** The whole manifest entry (template, label, parent, parameters, …). */
  entry: JsonObject;
}

/** An existing connector folder, read (never written). */
export interface SourceConnector {
  /** The folder as the user gave it (for messages). */
  shownDir: string;
  manifestText: string;
  manifest: JsonObject;
  /** The manifest's `system-template`. */
  systemTemplate: string;
  /** In manifest order. */
  datatypes: SourceDatatype[];
  /** Text of every file the manifest refers to that exists, by path relative to the folder. */
  files: Map<string, string>;
  /** Template paths the manifest refers to that do not exist (sesam expand fails on them). */
  missing: string[];
  /** Files under templates/ that the manifest does not refer to (sesam never reads them). */
  unreferenced: string[];
  /** `<profile>-env.json` files beside the manifest (a developer's node environment; not imported). */
  envFiles: string[];
}

/** Files below `dir` (relative, '/'-separated, sorted); none when it does not exist. */
const filesBelow = (root: string, dir: string): string[] => {
  const absolute = join(root, dir);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) return [];
  return readdirSync(absolute, { withFileTypes: true })
    .flatMap((entry) => {
      const path = posix.join(dir, entry.name);
      return entry.isDirectory() ? filesBelow(root, path) : [path];
    })
    .sort();
};

/** A template path the importer can copy: relative, inside the folder. */
const isInsidePath = (path: string): boolean =>
  path !== '' &&
  !path.startsWith('/') &&
  !path.includes('\\') &&
  path.split('/').every((s) => s !== '' && s !== '..');

const parseManifest = (text: string, file: string): JsonObject => {
  let manifest;
  try {
    manifest = parseJson(text, file);
  } catch (error) {
    if (error instanceof JsonParseError) {
      throw new GeneratorError(
        `${error.message}. The source manifest must be valid JSON; fix it there and import again.`,
      );
    }
    throw error;
  }
  if (!isJsonObject(manifest)) throw new GeneratorError(`${file}: the root must be a JSON object.`);
  return manifest;
};

const templatePath = (value: unknown, file: string, jsonPath: string): string => {
  if (typeof value !== 'string') {
    throw new GeneratorError(
      `${file}: ${jsonPath}: must be a string, the template file's path (e.g. "templates/order.json").`,
    );
  }
  if (!isInsidePath(value)) {
    throw new GeneratorError(
      `${file}: ${jsonPath}: "${value}" must be a relative path inside the connector folder.`,
    );
  }
  return value;
};

const readDatatypes = (manifest: JsonObject, file: string): SourceDatatype[] => {
  const datatypes = manifest.get('datatypes');
  if (!isJsonObject(datatypes)) {
    throw new GeneratorError(
      `${file}: datatypes: ${datatypes === undefined ? 'is missing' : 'must be an object'} (datatype name → {"template": …}).`,
    );
  }
  return [...datatypes].map(([name, entry]) => {
    if (!isJsonObject(entry)) {
      throw new GeneratorError(
        `${file}: ${dottedPath(['datatypes', name])}: must be an object with a "template".`,
      );
    }
    return {
      name,
      template: templatePath(entry.get('template'), file, dottedPath(['datatypes', name, 'template'])),
      entry,
    };
  });
};

/**
 * Reads a connector folder: manifest.json (parsed; a malformed one is an error naming the file and
 * position, a wrong structure one naming the JSON path) and the files it refers to, as strict UTF-8
 * (the import promises a byte-for-byte round trip), none of them a link to a file outside the
 * folder. Nothing is written.
 */
export const readSource = (dir: string, shownDir: string): SourceConnector => {
  const manifestPath = join(dir, MANIFEST_FILE);
  const shownManifest = posix.join(shownDir.replace(/\\/g, '/'), MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    const reason = existsSync(dir) ? `has no ${MANIFEST_FILE}` : 'does not exist';
    throw new GeneratorError(
      `--source: ${shownDir} ${reason}; point --source at a connector folder (manifest.json + templates/).`,
    );
  }
  const read = (path: string): string => {
    try {
      return readInputText(join(dir, path), {
        shown: posix.join(shownDir.replace(/\\/g, '/'), path),
        within: dir,
      });
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      throw new GeneratorError(`${error.message}. Nothing was imported.`);
    }
  };
  const manifestText = read(MANIFEST_FILE);
  const manifest = parseManifest(manifestText, shownManifest);
  const systemTemplate = templatePath(manifest.get('system-template'), shownManifest, 'system-template');
  const datatypes = readDatatypes(manifest, shownManifest);

  const referenced = [...new Set([systemTemplate, ...datatypes.map((d) => d.template)])];
  const files = new Map<string, string>();
  const missing: string[] = [];
  for (const path of referenced) {
    const absolute = join(dir, path);
    if (existsSync(absolute) && statSync(absolute).isFile()) files.set(path, read(path));
    else missing.push(path);
  }
  const unreferenced = filesBelow(dir, TEMPLATES_DIR).filter((path) => !files.has(path));
  const envFiles = readdirSync(dir)
    .filter((name) => name.endsWith('-env.json'))
    .sort();
  return {
    shownDir,
    manifestText,
    manifest,
    systemTemplate,
    datatypes,
    files,
    missing,
    unreferenced,
    envFiles,
  };
};

import type { ConnectorSource } from './connector-source';
import { ExpandError, expandError, formatLocation } from './errors';
import { compileTemplate, JinjaError, pyRepr, type CompiledTemplate } from './jinja';
import type { JsonPath } from './json-path';

export interface LoadedTemplate {
  /** The name as the manifest wrote it (decides autoescaping). */
  readonly name: string;
  /** The file it resolved to, relative to the connector folder. */
  readonly file: string;
  /** The raw text (UTF-8, BOM kept). */
  readonly text: string;
  readonly compiled: CompiledTemplate;
}

/** Where a template name came from, for "not found" messages. */
export interface TemplateReference {
  readonly file: string;
  readonly jsonPath: JsonPath;
}

/**
 * Jinja's `FileSystemLoader('.')`: the name is split on `/`; empty and `.` segments are dropped; a
 * `..` segment is refused; the rest must be a regular file under the connector folder. Templates are
 * loaded once per name (and parsed once per distinct text, see `compileTemplate`).
 */
export class TemplateLoader {
  private readonly cache = new Map<string, LoadedTemplate>();

  constructor(private readonly source: ConnectorSource) {}

  load(name: string, reference: TemplateReference): LoadedTemplate {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const pieces = splitTemplatePath(name);
    const text = pieces && pieces.length ? this.source.readText(pieces.join('/')) : undefined;
    if (!pieces || text === undefined) throw notFound(name, pieces === undefined, reference);
    const file = pieces.join('/');
    const loaded: LoadedTemplate = { name, file, text, compiled: compile(text, name, file) };
    this.cache.set(name, loaded);
    return loaded;
  }
}

/** The path segments, or undefined when a `..` segment makes Jinja refuse the name outright. */
export function splitTemplatePath(name: string): string[] | undefined {
  const pieces: string[] = [];
  for (const piece of name.split('/')) {
    if (piece === '..') return undefined;
    if (piece !== '' && piece !== '.') pieces.push(piece);
  }
  return pieces;
}

function notFound(name: string, refused: boolean, reference: TemplateReference): ExpandError {
  const why = refused ? "paths may not contain '..'" : 'no such file in the connector folder';
  return new ExpandError(
    'TemplateNotFound',
    `${pyRepr(name)} not found (referenced by ${formatLocation(reference)}; ${why})`,
    {
      file: reference.file,
      jsonPath: reference.jsonPath,
      pythonType: 'jinja2.exceptions.TemplateNotFound',
      pythonMessage: refused ? name : `${pyRepr(name)} not found in search path: '.'`,
      hint: 'fix the path (relative to the connector folder, e.g. templates/<name>.json) or add the file',
    },
  );
}

function compile(text: string, name: string, file: string): CompiledTemplate {
  try {
    return compileTemplate(text, name);
  } catch (error) {
    if (!(error instanceof JinjaError)) throw error;
    throw expandError('TemplateSyntaxError', error.reason, {
      file,
      line: error.line,
      pythonType: error.pythonType === 'Unsupported' ? undefined : `jinja2.exceptions.${error.pythonType}`,
      pythonMessage: error.pythonType === 'Unsupported' ? undefined : error.reason,
      cause: error,
      hint:
        error.pythonType === 'Unsupported'
          ? 'rewrite the template without this Jinja feature'
          : 'fix the expand-time Jinja ({{@ … @}}, {{% … %}}; note that {# starts a comment)',
    });
  }
}

import ejs from 'ejs';
import { PATTERNS_FOLDER } from '@sesam-connectors/template-pack';
import { BoundedCache } from '../cache';
import { JsonParseError, parseJson, type JsonValue } from '../json';
import { displayPath } from '../fs';
import { json } from './json-text';
import { templateFile, type LoadedTemplatePack } from './template-pack';

/** Which connector (and datatype) a template is rendered for; named in every error. */
export interface RenderTarget {
  readonly connector: string;
  readonly datatype?: string;
}

/** A pack template failed: ejs threw, or the output is not valid JSON. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  constructor(
    message: string,
    /** The template file as shown in the message. */
    readonly templateFile: string,
    readonly target: RenderTarget,
    /** Line/column in the rendered text (invalid JSON only). */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export interface RenderTemplateOptions {
  /** Template files are named relative to this folder in messages (default: the current directory). */
  readonly displayRoot?: string;
}

type TemplateFunction = (locals: object) => string;
/** Compiled pack templates by file, with the text they were compiled from (an edited file compiles again). */
const compiled = new BoundedCache<string, { source: string; fn: TemplateFunction }>(500);

/** `<%= %>` HTML-escapes (`&` → `&amp;`), which corrupts JSON values; templates must use `<%- json(v) %>`. */
const ESCAPING_TAG = /<%=/;

const forbidInclude = (): never => {
  throw new Error(
    'include() is not supported in pack templates: list shared pipes in the pack index instead',
  );
};

function compile(source: string, filename: string): TemplateFunction {
  const entry = compiled.getOrCreate(filename, () => ({ source, fn: compileEjs(source, filename) }));
  if (entry.source !== source) Object.assign(entry, { source, fn: compileEjs(source, filename) });
  return entry.fn;
}

function compileEjs(source: string, filename: string): TemplateFunction {
  return ejs.compile(source, {
    filename,
    escape: (text: unknown) => String(text), // only reached from ejs's own error messages (file names)
    includer: forbidInclude,
    compileDebug: true,
    async: false,
    rmWhitespace: false,
  }) as TemplateFunction;
}

const describeTarget = (target: RenderTarget): string =>
  target.datatype === undefined
    ? `connector ${target.connector}`
    : `connector ${target.connector}, datatype ${target.datatype}`;

/**
 * Renders one pack template with ejs and parses the output as JSON. `locals` are the template's
 * variables (plus `json`). Values are only ever inserted through `json()`, so they are data: a
 * value containing `<%= … %>` comes out literally.
 */
export function renderTemplate(
  pack: LoadedTemplatePack,
  template: string,
  locals: { readonly [name: string]: unknown },
  target: RenderTarget,
  options: RenderTemplateOptions = {},
): JsonValue {
  const source = pack.templates.get(template);
  const shown = displayPath(templateFile(pack, template), options.displayRoot);
  if (source === undefined) {
    throw new TemplateRenderError(
      `${shown}: not in the template pack (${PATTERNS_FOLDER}/${template})`,
      shown,
      target,
    );
  }
  const escaping = ESCAPING_TAG.exec(source);
  if (escaping !== null) {
    const line = source.slice(0, escaping.index).split('\n').length;
    throw new TemplateRenderError(
      `${shown}:${line}: <%= %> HTML-escapes values, which corrupts JSON: write <%- json(value) %> instead`,
      shown,
      target,
    );
  }
  let text: string;
  try {
    text = compile(source, shown)({ ...locals, json });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemplateRenderError(
      `${shown}: template error for ${describeTarget(target)}: ${reason}`,
      shown,
      target,
    );
  }
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    const lines = text.split('\n');
    const excerpt = lines[error.line - 1] ?? '';
    throw new TemplateRenderError(
      `${shown}: rendered invalid JSON for ${describeTarget(target)}: ${error.message}\n` +
        `  rendered line ${error.line}: ${excerpt.trim()}`,
      shown,
      target,
      error.line,
      error.column,
    );
  }
}

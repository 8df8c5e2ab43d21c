import type { JsonParseError } from '../json';
import { formatMessagePath, type JsonPath } from './json-path';

/** Why an expansion failed; each names a different thing for the user to fix. */
export type ExpandErrorCode =
  /** No `manifest.json` in the connector folder. */
  | 'ManifestNotFound'
  /** `manifest.json` is not valid JSON or lacks the structure expand needs. */
  | 'ManifestInvalid'
  /** A template named by the manifest does not exist (Jinja's TemplateNotFound). */
  | 'TemplateNotFound'
  /** A template is not valid expand-time Jinja (TemplateSyntaxError). */
  | 'TemplateSyntaxError'
  /** Rendering a template failed (UndefinedError, TypeError, …). */
  | 'TemplateRenderError'
  /** A template rendered to text that is not valid JSON (JSONDecodeError). */
  | 'RenderedJsonInvalid'
  /** A rendered component lacks what expand needs to file it (`type`, `_id`, a pipe `source`). */
  | 'ComponentInvalid'
  /** The connector's `<profile>-env.json` cannot be read. */
  | 'EnvFileInvalid'
  /** A file is not valid UTF-8. */
  | 'EncodingError'
  /** An input file is a symbolic link to a file outside the connector folder, or cannot be read. */
  | 'InputRefused'
  /** The output folder cannot be written. */
  | 'OutputError'
  /** An option (profile, system placeholder) cannot become part of a file name. */
  | 'OptionInvalid';

export interface ExpandErrorDetails {
  /** The file to fix, relative to the connector folder (`manifest.json`, `templates/order.json`). */
  readonly file: string;
  /** 1-based line (and column) in that file, or in the rendered text for RenderedJsonInvalid. */
  readonly line?: number;
  readonly column?: number;
  /** Where in `file`'s JSON, when known. */
  readonly jsonPath?: JsonPath;
  /** The Python exception sesam-py raises for the same input, e.g. `jinja2.exceptions.TemplateNotFound`. */
  readonly pythonType?: string;
  /** sesam-py's message for the same input (`str(exception)`), when this case reproduces it. */
  readonly pythonMessage?: string;
  /** One line on how to fix it. */
  readonly hint?: string;
  /** The underlying error (a JsonParseError, a JinjaError), when there is one. */
  readonly cause?: unknown;
}

/**
 * A user-facing expansion failure: `message` says what is wrong and where (file, line, JSON path);
 * the details carry the same parts separately, plus sesam-py's own wording where known.
 */
export class ExpandError extends Error implements ExpandErrorDetails {
  override readonly name = 'ExpandError';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly jsonPath?: JsonPath;
  readonly pythonType?: string;
  readonly pythonMessage?: string;
  readonly hint?: string;

  /** What is wrong, without the location prefix `message` may have. */
  readonly reason: string;

  constructor(
    readonly code: ExpandErrorCode,
    message: string,
    details: ExpandErrorDetails,
    reason: string = message,
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.reason = reason;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.jsonPath = details.jsonPath;
    this.pythonType = details.pythonType;
    this.pythonMessage = details.pythonMessage;
    this.hint = details.hint;
  }
}

/** An ExpandError whose message is `<file>[:line[:column]] [json path]: <reason>`. */
export function expandError(code: ExpandErrorCode, reason: string, details: ExpandErrorDetails): ExpandError {
  return new ExpandError(code, `${formatLocation(details)}: ${reason}`, details, reason);
}

export function formatLocation({
  file,
  line,
  column,
  jsonPath,
}: Pick<ExpandErrorDetails, 'file' | 'line' | 'column' | 'jsonPath'>): string {
  let location = file;
  if (line !== undefined) location += `:${line}${column !== undefined ? `:${column}` : ''}`;
  if (jsonPath !== undefined) location += ` ${formatMessagePath(jsonPath)}`;
  return location;
}

/** The details a JSON syntax error gives an ExpandError: its position and Python's exception. */
export const jsonErrorDetails = (
  error: JsonParseError,
): Pick<ExpandErrorDetails, 'line' | 'column' | 'pythonType' | 'pythonMessage' | 'cause'> => ({
  line: error.line,
  column: error.column,
  pythonType: error.pythonType,
  pythonMessage: error.pythonMessage,
  cause: error,
});

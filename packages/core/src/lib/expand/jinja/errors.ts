/**
 * What can go wrong while compiling or rendering an expand-time template. `pythonType` names the
 * exception Jinja (or Python underneath it) raises for the same template; `reason` is its message
 * (Jinja's wording where this engine reproduces the case). `line` is 1-based in the template.
 */
export type JinjaErrorType =
  | 'TemplateSyntaxError'
  /** Jinja's subclass of TemplateSyntaxError for unknown filters and tests. */
  | 'TemplateAssertionError'
  | 'UndefinedError'
  | 'TypeError'
  | 'ValueError'
  | 'ZeroDivisionError'
  | 'UnicodeDecodeError'
  /** A Jinja feature this engine does not implement (sesam-py would accept it). */
  | 'Unsupported'
  /** The render went over one of RENDER_LIMITS (sesam-py would run out of memory or hang). */
  | 'LimitError';

export class JinjaError extends Error {
  override readonly name = 'JinjaError';

  constructor(
    readonly pythonType: JinjaErrorType,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `${reason} (line ${line})`);
  }
}

export const syntaxError = (reason: string, line?: number): JinjaError =>
  new JinjaError('TemplateSyntaxError', reason, line);

export const unsupported = (what: string, line?: number): JinjaError =>
  new JinjaError('Unsupported', `${what} is not supported by sesam-connectors expand`, line);

/**
 * A Jinja 3.1 work-alike for sesam-py's expand-time templates (`{{@ … @}}`, `{{% … %}}`, `{# … #}`).
 *
 * Why not nunjucks: it cannot reproduce sesam-py byte for byte on behaviour the reference
 * documents as verified —
 * - its lexer only ends a tag after a delimiter character, and `@` is not one, so `{{@flag@}}` lexes
 *   `flag@` as one name and fails, where Jinja prints the value;
 * - it prints `None` as "" and numbers the JavaScript way (`1e20` → `100000000000000000000`, `1.0` →
 *   `1`), where Python prints `None`, `1e+20`, `1.0`, `['a', 1]`, `{'k': 'v'}`, `True`;
 * - its HTML escaping writes `&quot;` where MarkupSafe writes `&#34;`, and autoescape is per
 *   environment, not per template name;
 * - attribute access on an undefined name renders "" instead of raising UndefinedError; Jinja's
 *   globals (`range`, `dict`, …) print as JavaScript source; a lone `#}` in text is an error.
 * Each fix would need replacing nunjucks' lexer or its global runtime module, so this is a small
 * engine of its own: Jinja's lexer rules, grammar and error wording, Python value semantics, and the
 * common filters and tests. Tags, filters and tests it does not implement fail with a clear
 * "not supported by sesam-connectors expand" error rather than rendering differently.
 */
import { BoundedCache } from '../../cache';
import { autoescapeFor } from './escape';
import { tokenize } from './lexer';
import type { Stmt } from './nodes';
import { contextNames } from './names';
import { parse } from './parser';
import type { PyValue } from './py-values';
import { renderStatements, type UndefinedUse } from './render';

export { JinjaError, type JinjaErrorType } from './errors';
export { commentLines, normalizeSource } from './lexer';
export { fromJson, pyStr, pyRepr, pyTruthy } from './py-str';
export type { PyValue } from './py-values';
export type { UndefinedUse } from './render';
export { autoescapeFor } from './escape';

export interface CompiledTemplate {
  /** The name the template was loaded by; it decides autoescaping (Jinja's `select_autoescape`). */
  readonly name: string;
  readonly autoescape: boolean;
  /** Names the template reads from its context (static, like Jinja's `find_undeclared_variables`). */
  readonly contextNames: ReadonlySet<string>;
  /** Renders with `context`; `onUndefined` hears of every undefined value printed as "". */
  render(context: ReadonlyMap<string, PyValue>, onUndefined?: (use: UndefinedUse) => void): string;
}

interface ParsedTemplate {
  readonly body: readonly Stmt[];
  readonly contextNames: ReadonlySet<string>;
}

/**
 * Parsed templates by source text, shared by every connector the process expands: a batch build
 * validates hundreds of connectors whose templates are mostly the same pattern output under other
 * names. The tree is only read when rendering.
 */
const parsedTemplates = new BoundedCache<string, ParsedTemplate>(500);

/** Lexes and parses a template; throws `JinjaError` (TemplateSyntaxError) for invalid syntax. */
export function compileTemplate(source: string, name: string): CompiledTemplate {
  const { body, contextNames: names } = parsedTemplates.getOrCreate(source, () => {
    const parsed: Stmt[] = parse(tokenize(source));
    return { body: parsed, contextNames: contextNames(parsed) };
  });
  const autoescape = autoescapeFor(name);
  return {
    name,
    autoescape,
    contextNames: names,
    render: (context, onUndefined) => renderStatements(body, context, { autoescape, onUndefined }),
  };
}

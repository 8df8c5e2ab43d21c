import { JsonParseError, parseJson, toJsonText, type JsonValue } from '../json';
import { expandError, jsonErrorDetails } from './errors';
import { fromJson, JinjaError, type PyValue, type UndefinedUse } from './jinja';
import type { LoadedTemplate } from './template-loader';

/**
 * Renders one template (system, datatype or shim) and parses the text as JSON, as sesam-py's
 * `render()` does:
 * - every context entry holding a JSON boolean is passed as the literal text `{{@ <name> @}}`
 *   (Jinja never renders its own output again), and remembered;
 * - the text is parsed like Python's `json.loads`; an array gives its elements, anything else one
 *   component;
 * - when booleans were remembered, each component is written with Python's default `json.dumps`,
 *   every `"{{@ <name> @}}"` (quotes included) is replaced by `true`/`false`, and it is parsed again.
 *   So only a string that is exactly the marker becomes a boolean.
 */
export interface RenderedComponents {
  readonly components: JsonValue[];
  /** Whether the template rendered a JSON array (so components have an index in it). */
  readonly isArray: boolean;
}

export function renderComponents(
  template: LoadedTemplate,
  context: ReadonlyMap<string, JsonValue>,
  onUndefined?: (use: UndefinedUse) => void,
): RenderedComponents {
  const booleans = new Map<string, boolean>();
  const values = new Map<string, PyValue>();
  for (const [name, value] of context) {
    if (typeof value === 'boolean') {
      booleans.set(name, value);
      values.set(name, marker(name));
    } else values.set(name, fromJson(value));
  }
  const text = renderText(template, values, onUndefined);
  const parsed = parseRendered(template, text, 'rendered text');
  const isArray = Array.isArray(parsed);
  const components = isArray ? parsed : [parsed];
  if (booleans.size === 0) return { components, isArray };
  const substituted = components.map((component) => {
    let dumped = toJsonText(component);
    for (const [name, value] of booleans) dumped = dumped.split(`"${marker(name)}"`).join(String(value));
    return parseRendered(template, dumped, 'text after substituting boolean parameters');
  });
  return { components: substituted, isArray };
}

const marker = (name: string): string => `{{@ ${name} @}}`;

function renderText(
  template: LoadedTemplate,
  values: ReadonlyMap<string, PyValue>,
  onUndefined?: (use: UndefinedUse) => void,
): string {
  try {
    return template.compiled.render(values, onUndefined);
  } catch (error) {
    if (!(error instanceof JinjaError)) throw error;
    const known = error.pythonType !== 'Unsupported' && error.pythonType !== 'LimitError';
    throw expandError('TemplateRenderError', error.reason, {
      file: template.file,
      line: error.line,
      pythonType: !known
        ? undefined
        : error.pythonType === 'UndefinedError'
          ? 'jinja2.exceptions.UndefinedError'
          : error.pythonType,
      pythonMessage: known ? error.reason : undefined,
      cause: error,
      hint:
        error.pythonType === 'UndefinedError'
          ? 'declare the variable (additional_parameters, or the datatype\'s parameters) or guard it with "is defined"'
          : error.pythonType === 'LimitError'
            ? 'the limits are far above any real connector: look for a repetition or loop that runs away'
            : 'fix the expression in the template',
    });
  }
}

function parseRendered(template: LoadedTemplate, text: string, what: string): JsonValue {
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonParseError)) throw error;
    const renderedLine = text.split('\n')[error.line - 1] ?? '';
    const excerpt =
      renderedLine.trim().length > 120 ? `${renderedLine.trim().slice(0, 117)}...` : renderedLine.trim();
    throw expandError(
      'RenderedJsonInvalid',
      `${what} is not valid JSON: ${error.pythonMessage}; that line reads: ${excerpt}`,
      {
        file: template.file,
        ...jsonErrorDetails(error),
        hint: 'expand-time placeholders must sit inside JSON strings, and values must not contain " or \\',
      },
    );
  }
}

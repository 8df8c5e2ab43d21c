import { JsonObject, type JsonValue } from '../json';
import { expandError, type ExpandError } from './errors';
import { fromJson, pyStr } from './jinja';
import type { JsonPath } from './json-path';
import { isTruthyFlag } from './manifest';

/** Where a component came from: the template file and, for array templates, the element index. */
export interface ComponentOrigin {
  readonly kind: 'system' | 'datatype' | 'shim';
  /** Connector-relative template file (`shim.json` for the built-in shim). */
  readonly file: string;
  /** The datatype being expanded (absent for the system template). */
  readonly datatype?: string;
  /** Index in the template's top-level array; absent when the template is a single object. */
  readonly index?: number;
}

export interface ExpandedComponent {
  readonly value: JsonValue;
  readonly origin: ComponentOrigin;
}

/** A component as filed: its output path, or undefined when sesam-py drops it (e.g. `type: metadata`). */
export interface FiledComponent extends ExpandedComponent {
  readonly path: string | undefined;
  readonly kind: 'pipe' | 'system' | 'dropped';
}

/** The ACL sesam-py puts on webhook receivers when the manifest sets `use_webhook_secret`. */
export const ANONYMOUS_WRITE = (): JsonValue => [['allow', ['group:Anonymous'], ['write_data']]];

/**
 * Files each component as sesam-py's phase B does, but without writing (so an error leaves the
 * previous output untouched — stricter than sesam-py, which has already deleted it by then):
 * - `type: pipe` → `pipes/<_id>.conf.json`. Its `source` must be an object. An `http_endpoint`
 *   pipe whose `_id` ends in `event` gets anonymous `write_data` permissions (replacing any) when
 *   `use_webhook_secret` is truthy; `log` hears when a non-empty value is replaced.
 * - `type` starting with `system:` → `systems/<_id>.conf.json`.
 * - anything else is dropped.
 * `_id` is formatted with Python `str()`. An `_id` containing `/` or NUL is refused (sesam-py fails
 * or, with `..`, writes outside the folder).
 */
export function fileComponents(
  components: readonly ExpandedComponent[],
  useWebhookSecret: JsonValue | undefined,
  log: (message: string) => void,
): FiledComponent[] {
  const anonymous = isTruthyFlag(useWebhookSecret);
  return components.map((component) => {
    const { value } = component;
    if (!(value instanceof JsonObject))
      throw componentError(
        component,
        [],
        'is not a JSON object',
        'each template element must be an object { … }',
      );
    const type = value.get('type');
    if (type === undefined)
      throw componentError(
        component,
        [],
        "has no 'type'",
        'add "type": "pipe" (or "system:rest" for a system)',
      );
    if (type === 'pipe') {
      grantWebhookPermissions(component, value, anonymous, log);
      return { ...component, kind: 'pipe', path: `pipes/${fileId(component, value)}.conf.json` };
    }
    if (typeof type !== 'string')
      throw componentError(component, ['type'], 'must be a string', 'e.g. "pipe" or "system:rest"');
    if (type.startsWith('system:'))
      return { ...component, kind: 'system', path: `systems/${fileId(component, value)}.conf.json` };
    return { ...component, kind: 'dropped', path: undefined };
  });
}

function grantWebhookPermissions(
  component: ExpandedComponent,
  pipe: JsonObject,
  anonymous: boolean,
  log: (message: string) => void,
): void {
  const source = pipe.get('source');
  if (!(source instanceof JsonObject)) {
    throw componentError(
      component,
      ['source'],
      source === undefined ? 'is missing (sesam-py requires a source on every pipe)' : 'must be an object',
      'add a "source": { "type": … } object',
    );
  }
  if (source.get('type') !== 'http_endpoint') return;
  const id = pipe.get('_id');
  if (typeof id !== 'string')
    throw componentError(
      component,
      ['_id'],
      'must be a string on an http_endpoint pipe',
      'set "_id": "<system>-<datatype>-event"',
    );
  if (!id.endsWith('event') || !anonymous) return;
  if (isTruthyFlag(pipe.get('permissions')))
    log(`replaced the permissions of ${id} with anonymous write_data (use_webhook_secret is set)`);
  pipe.set('permissions', ANONYMOUS_WRITE());
}

function fileId(component: ExpandedComponent, value: JsonObject): string {
  const id = value.get('_id');
  if (id === undefined)
    throw componentError(
      component,
      [],
      "has no '_id'",
      'add "_id": "{{@ system @}}-{{@ datatype @}}-<role>"',
    );
  const text = pyStr(fromJson(id));
  if (text.includes('/') || text.includes('\0'))
    throw componentError(
      component,
      ['_id'],
      `${JSON.stringify(text)} cannot be a file name (contains "/")`,
      'ids may not contain "/"',
    );
  return text;
}

/** The JSON path of a component (and a path inside it) in its template. */
export const componentPath = (origin: ComponentOrigin, inner: JsonPath = []): JsonPath =>
  origin.index === undefined ? inner : [origin.index, ...inner];

function componentError(
  component: ExpandedComponent,
  inner: JsonPath,
  reason: string,
  hint: string,
): ExpandError {
  const { origin } = component;
  const where = origin.datatype === undefined ? 'the system template' : `datatype ${origin.datatype}`;
  const subject = inner.length ? `'${inner.join('.')}' of a component` : 'a component';
  return expandError('ComponentInvalid', `${subject} rendered for ${where} ${reason} (${hint})`, {
    file: origin.file,
    jsonPath: componentPath(origin, inner),
    hint,
  });
}

import { JsonObject, type JsonValue } from '../../json';
import { isTruthyFlag } from '../../expand';
import { componentLocation, type ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { objectAt, stringAt } from '../pipe-parts';
import { rule } from '../rule';
import { label } from './strict-operations';

export const EVENT_VALIDATION = rule(
  'strict/event-validation',
  'error',
  'A receiver pipe open to anonymous writes has a source.validation_expression.',
);

const includes = (list: JsonValue | undefined, item: string): boolean =>
  Array.isArray(list) && list.includes(item);

/** Whether the (final) permissions allow group:Anonymous to write_data. */
const anonymousWrite = (permissions: JsonValue | undefined): boolean =>
  Array.isArray(permissions) &&
  permissions.some(
    (entry) =>
      Array.isArray(entry) &&
      entry[0] === 'allow' &&
      includes(entry[1], 'group:Anonymous') &&
      includes(entry[2], 'write_data'),
  );

export function checkReceivers(view: ConnectorView): Finding[] {
  const viaManifest = isTruthyFlag(view.manifest?.get('use_webhook_secret'));
  return view.pipes
    .filter(
      (pipe) =>
        stringAt(objectAt(pipe.value, 'source'), 'type') === 'http_endpoint' &&
        anonymousWrite(pipe.value.get('permissions')),
    )
    .filter(
      (pipe) =>
        !isTruthyFlag((objectAt(pipe.value, 'source') ?? new JsonObject()).get('validation_expression')),
    )
    .map((pipe) =>
      finding(
        EVENT_VALIDATION,
        componentLocation(pipe.component, ['source']),
        `${label(pipe)} accepts anonymous writes${viaManifest ? ' (the manifest sets use_webhook_secret)' : ''} but its source has no validation_expression, so anyone can post entities`,
        "add source.validation_expression that checks the sender, e.g. \"{% if request_headers['X-Sesam-Authorization'] == secret('webhook_secret') %}{% else %}FAIL!{% endif %}\"",
      ),
    );
}

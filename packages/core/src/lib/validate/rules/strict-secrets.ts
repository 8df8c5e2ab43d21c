import { componentLocation, type ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { stringsMatching } from '../pipe-parts';
import { rule } from '../rule';
import { label } from './strict-operations';

export const SECRET_OUTSIDE_SYSTEM = rule(
  'strict/secret-outside-system',
  'error',
  '$SECRET(…) is used only in the system (Sesam resolves secrets in system config and its operations only).',
);

export function checkSecrets(view: ConnectorView): Finding[] {
  return view.pipes.flatMap((pipe) =>
    stringsMatching(pipe.value, (text) => text.includes('$SECRET(')).map(({ path }) =>
      finding(
        SECRET_OUTSIDE_SYSTEM,
        componentLocation(pipe.component, path),
        `${label(pipe)} references a $SECRET(…), which Sesam only resolves in a system`,
        "move the value into a system operation (headers, payload) or use secret('<name>') in a Jinja expression",
      ),
    ),
  );
}

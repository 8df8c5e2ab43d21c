import { isJsonNumber } from '../../json';
import { componentLocation, type ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { equalsOne, objectAt, stringAt, transformSteps } from '../pipe-parts';
import { rule } from '../rule';
import { label } from './strict-operations';

export const SHARE_BATCH_SIZE_STRICT = rule(
  'strict/share-batch-size',
  'error',
  'Every share pipe that writes through REST (a transform-share-rest step, or an id ending -share with a REST transform or sink) has "batch_size": 1.',
);

/**
 * Stricter than sesam validate's rule, which looks only at pipes whose *file name* contains "share"
 * and that use transform-share-rest, and accepts 1.0 and true. Pipes that rule already reports are
 * skipped here. Share pipes that write elsewhere (e.g. a BigQuery sink) may batch.
 */
export function checkShareBatchSize(view: ConnectorView): Finding[] {
  const findings: Finding[] = [];
  for (const pipe of view.pipes) {
    const id = pipe.value.get('_id');
    const steps = transformSteps(pipe.value);
    const usesShareRest = steps.some((step) => step.value.get('template') === 'transform-share-rest');
    const writesRest =
      steps.some((step) => step.value.get('type') === 'rest') ||
      stringAt(objectAt(pipe.value, 'sink'), 'type') === 'rest';
    if (!usesShareRest && !(typeof id === 'string' && id.endsWith('-share') && writesRest)) continue;
    const batchSize = pipe.value.get('batch_size');
    if (isJsonNumber(batchSize) && batchSize.isInteger && batchSize.toNumber() === 1) continue;
    if (pipe.name.includes('share') && usesShareRest && !equalsOne(batchSize)) continue;
    findings.push(
      finding(
        SHARE_BATCH_SIZE_STRICT,
        componentLocation(pipe.component, batchSize === undefined ? [] : ['batch_size']),
        `${label(pipe)} is a share pipe but its batch_size is ${batchSize === undefined ? 'not set' : JSON.stringify(String(batchSize))} (a failed batch would re-send inserts)`,
        'set "batch_size": 1',
      ),
    );
  }
  return findings;
}

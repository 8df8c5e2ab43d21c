import type { JsonPath } from '../../expand';
import { componentLocation, type ConnectorView, type ExpandedFile } from '../connector-view';
import { finding, type Finding } from '../finding';
import { objectAt, stringAt } from '../pipe-parts';
import { rule } from '../rule';
import { label } from './strict-operations';

export const UNKNOWN_DATASET = rule(
  'strict/unknown-dataset',
  'error',
  'Every dataset a pipe reads is written by a pipe of the connector (except <system>-<datatype>-transform).',
);

const MULTI_DATASET_SOURCES = new Set(['merge_datasets', 'union_datasets', 'diff_datasets', 'merge']);

/**
 * Dataset, merge/union/diff sources must read datasets some pipe of the connector writes (a pipe
 * writes its `sink.dataset`, by default its own `_id`, unless its sink is not a dataset sink).
 * `-transform` datasets are exempt (Sesam Talk provides them; the shim stands in), and so are names
 * resolved at runtime (`$ENV(…)`, Jinja).
 */
export function checkDatasets(view: ConnectorView): Finding[] {
  const written = new Set(view.pipes.flatMap(writtenDataset));
  const findings: Finding[] = [];
  for (const pipe of view.pipes) {
    for (const { dataset, path } of readDatasets(pipe)) {
      if (written.has(dataset) || dataset.endsWith('-transform') || /\$ENV\(|\{\{|\{%/.test(dataset))
        continue;
      const { origin } = pipe.component;
      findings.push(
        origin.kind === 'shim'
          ? finding(
              UNKNOWN_DATASET,
              componentLocation(pipe.component),
              `datatype ${origin.datatype} has no pipe writing '${dataset}', the dataset every datatype must produce (the -transform shim reads it)`,
              `add a pipe with _id "{{@ system @}}-{{@ datatype @}}-collect" to the datatype's template`,
            )
          : finding(
              UNKNOWN_DATASET,
              componentLocation(pipe.component, path),
              `${label(pipe)} reads dataset '${dataset}', which no pipe of this connector writes`,
              'fix the dataset name, or add the datatype (or pipe) that writes it',
            ),
      );
    }
  }
  return findings;
}

function writtenDataset(pipe: ExpandedFile): string[] {
  const sink = objectAt(pipe.value, 'sink');
  const type = stringAt(sink, 'type');
  if (type !== undefined && type !== 'dataset') return [];
  const dataset = stringAt(sink, 'dataset') ?? pipe.value.get('_id');
  return typeof dataset === 'string' ? [dataset] : [];
}

function readDatasets(pipe: ExpandedFile): { dataset: string; path: JsonPath }[] {
  const source = objectAt(pipe.value, 'source');
  const type = stringAt(source, 'type');
  if (type === 'dataset') {
    const dataset = stringAt(source, 'dataset');
    return dataset === undefined ? [] : [{ dataset, path: ['source', 'dataset'] }];
  }
  const datasets = source?.get('datasets');
  if (type === undefined || !MULTI_DATASET_SOURCES.has(type) || !Array.isArray(datasets)) return [];
  // Entries may be "<dataset> <alias>".
  return datasets.flatMap((entry, i) =>
    typeof entry === 'string'
      ? [{ dataset: entry.trim().split(/\s+/)[0], path: ['source', 'datasets', i] }]
      : [],
  );
}

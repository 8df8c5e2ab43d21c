import { JsonObject, type JsonValue } from '../../json';
import { isTruthyFlag, type JsonPath } from '../../expand';
import { componentLocation, type ConnectorView, type ExpandedFile } from '../connector-view';
import { finding, type Finding } from '../finding';
import { equalsOne, transformSteps } from '../pipe-parts';
import { rule, type RuleInfo } from '../rule';

export const PIPE_FILE_NAME = rule(
  'sesam/pipe-file-name',
  'error',
  "Pipe file names contain a '-' (sesam validate takes the datatype from between the first two).",
);
export const DESCRIPTION_WARNING = rule(
  'sesam/description-warning',
  'error',
  "No pipe description contains 'WARNING' (collapse writes unused-parameter warnings there).",
);
export const COLLECT_TEMPLATE = rule(
  'sesam/collect-template',
  'error',
  'A collect pipe of a datatype that has a share pipe uses the transform-collect-rest template.',
);
export const COLLECT_EXCLUDE_COMPLETENESS = rule(
  'sesam/collect-exclude-completeness',
  'error',
  'A collect pipe with a transform-collect-rest step in a transform list has exclude_completeness.',
);
export const COLLECT_PROPERTIES = rule(
  'sesam/collect-properties',
  'error',
  'A transform-collect-rest step in a transform list has properties.',
);
export const COLLECT_SHARE_DATASET = rule(
  'sesam/collect-share-dataset',
  'error',
  'A transform-collect-rest step in a transform list sets properties.share_dataset.',
);
export const COLLECT_EXCLUDES_SHARE = rule(
  'sesam/collect-excludes-share',
  'error',
  "A collect pipe's exclude_completeness contains its share_dataset.",
);
export const SHARE_BATCH_SIZE = rule(
  'sesam/share-batch-size',
  'error',
  'A share pipe with a transform-share-rest template has batch_size 1.',
);

const COLLECT_REST = 'transform-collect-rest';
const SHARE_REST = 'transform-share-rest';

/**
 * The checks `sesam validate` makes on the expanded pipe files, with its quirks: the "datatype" is
 * the text between the first and second `-` of the *file name*, and the roles are plain substring
 * tests on the file name (`share`, `collect`), so `xxxxxx-sharepoint-all` marks datatype
 * `sharepoint` as shared and a datatype called `collection` trips the collect rules.
 */
export function checkExpandedPipes(view: ConnectorView): Finding[] {
  const findings: Finding[] = [];
  const named = view.pipes.filter((pipe) => {
    if (pipe.name.includes('-')) return true;
    findings.push(
      finding(
        PIPE_FILE_NAME,
        componentLocation(pipe.component, ['_id']),
        `pipe file ${pipe.name} has no '-', which crashes sesam validate`,
        'name pipes <system>-<datatype>-<role>',
      ),
    );
    return false;
  });
  const shared = new Set(named.filter((pipe) => pipe.name.includes('share')).map(fileDatatype));
  for (const pipe of named) findings.push(...checkPipe(pipe, shared));
  return findings;
}

const fileDatatype = (pipe: ExpandedFile): string => pipe.name.split('-')[1];

function checkPipe(pipe: ExpandedFile, shared: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const at = (path: JsonPath) => componentLocation(pipe.component, path);
  const id = pipe.value.get('_id');
  const label = `pipe ${typeof id === 'string' ? id : pipe.name}`;
  const description = pipe.value.get('description');
  if (typeof description === 'string' && description.includes('WARNING')) {
    findings.push(
      finding(
        DESCRIPTION_WARNING,
        at(['description']),
        `${label}: description contains 'WARNING'`,
        'resolve the warning (usually an unused parameter reported by collapse) and remove it from the description',
      ),
    );
  }
  const steps = transformSteps(pipe.value);
  if (pipe.name.includes('collect')) {
    const datatype = fileDatatype(pipe);
    if (shared.has(datatype) && !steps.some((step) => step.value.get('template') === COLLECT_REST)) {
      findings.push(
        finding(
          COLLECT_TEMPLATE,
          at(pipe.value.has('transform') ? ['transform'] : []),
          `${label}: datatype '${datatype}' has a share pipe, so its collect pipe needs a ${COLLECT_REST} template transform`,
          `add {"type": "template", "template": "${COLLECT_REST}", "properties": {"share_dataset": …, "primary_key": …}} to transform`,
        ),
      );
    }
    if (Array.isArray(pipe.value.get('transform'))) {
      for (const step of steps.filter((s) => s.value.get('template') === COLLECT_REST)) {
        const problem = collectStepProblem(pipe.value, step.value);
        if (problem)
          findings.push(
            finding(problem.rule, at(problem.path(step.path)), `${label}: ${problem.message}`, problem.hint),
          );
      }
    }
  }
  if (
    pipe.name.includes('share') &&
    steps.some((step) => step.value.get('template') === SHARE_REST) &&
    !equalsOne(pipe.value.get('batch_size'))
  ) {
    findings.push(
      finding(
        SHARE_BATCH_SIZE,
        at(pipe.value.has('batch_size') ? ['batch_size'] : []),
        `${label}: a ${SHARE_REST} pipe must have batch_size 1`,
        'set "batch_size": 1',
      ),
    );
  }
  return findings;
}

interface CollectProblem {
  readonly rule: RuleInfo;
  readonly message: string;
  readonly hint: string;
  readonly path: (step: JsonPath) => JsonPath;
}

/** sesam validate's four checks on a transform-collect-rest step, in order; the first failure counts. */
function collectStepProblem(pipe: JsonObject, step: JsonObject): CollectProblem | undefined {
  if (!pipe.has('exclude_completeness')) {
    return {
      rule: COLLECT_EXCLUDE_COMPLETENESS,
      path: () => [],
      message: 'has no exclude_completeness',
      hint: 'add "exclude_completeness": ["<share dataset>"]',
    };
  }
  const properties = step.get('properties');
  if (!isTruthyFlag(properties)) {
    return {
      rule: COLLECT_PROPERTIES,
      path: (s) => s,
      message: `its ${COLLECT_REST} step has no properties`,
      hint: 'add properties with share_dataset and primary_key',
    };
  }
  const shareDataset = properties instanceof JsonObject ? properties.get('share_dataset') : undefined;
  if (!isTruthyFlag(shareDataset)) {
    return {
      rule: COLLECT_SHARE_DATASET,
      path: (s) => [...s, 'properties'],
      message: `its ${COLLECT_REST} step has no properties.share_dataset`,
      hint: "set share_dataset to the share pipe's dataset",
    };
  }
  if (!contains(pipe.get('exclude_completeness')!, shareDataset!)) {
    return {
      rule: COLLECT_EXCLUDES_SHARE,
      path: () => ['exclude_completeness'],
      message: `exclude_completeness does not contain the share dataset ${JSON.stringify(shareDataset)}`,
      hint: 'add the share dataset to exclude_completeness (the template hops into it)',
    };
  }
  return undefined;
}

/** Python `needle in haystack`: list membership, substring for a string, key for an object. */
function contains(haystack: JsonValue, needle: JsonValue): boolean {
  if (typeof haystack === 'string') return typeof needle === 'string' && haystack.includes(needle);
  if (Array.isArray(haystack)) return haystack.some((item) => item === needle);
  if (haystack instanceof JsonObject) return typeof needle === 'string' && haystack.has(needle);
  return false;
}

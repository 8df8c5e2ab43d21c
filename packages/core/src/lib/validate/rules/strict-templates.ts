import { JsonObject } from '../../json';
import { commentLines, isTruthyFlag } from '../../expand';
import type { ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { stringsMatching } from '../pipe-parts';
import { rule } from '../rule';

export const COMMENT_TAG = rule(
  'strict/comment-tag',
  'warning',
  "Templates contain no '{#' (it starts a Jinja comment at expand time).",
);
export const SINK_DATASET = rule(
  'strict/sink-dataset',
  'error',
  'A pipe in a single-object template leaves sink.dataset empty too (sesam validate checks array templates only).',
);

export function checkCommentTags(view: ConnectorView): Finding[] {
  const findings: Finding[] = [];
  for (const template of view.templates.values()) {
    const [line] = commentLines(template.text);
    if (line === undefined) continue;
    const where = template.json
      ? stringsMatching(template.json, (text) => /\{#/.test(text.replace(/\{\{[@%][\s\S]*?[@%]\}\}/g, '')), {
          first: true,
        })[0]?.path
      : undefined;
    findings.push(
      finding(
        COMMENT_TAG,
        { file: template.file, jsonPath: where ?? [], line },
        "'{#' starts a Jinja comment at expand time: the text up to the next '#}' disappears (without one, expansion fails)",
        "write it as {{@ '{#' @}} to keep the characters",
      ),
    );
  }
  return findings;
}

export function checkSingleTemplateSinks(view: ConnectorView): Finding[] {
  return [...view.templates.values()]
    .filter((template) => template.users.length > 0 && template.json instanceof JsonObject)
    .filter(({ json }) => {
      const pipe = json as JsonObject;
      const sink = pipe.get('sink');
      return pipe.get('type') === 'pipe' && sink instanceof JsonObject && isTruthyFlag(sink.get('dataset'));
    })
    .map((template) =>
      finding(
        SINK_DATASET,
        { file: template.file, jsonPath: ['sink', 'dataset'] },
        `sink.dataset should not have a value in ${template.file} (the sink dataset is named after the pipe)`,
        'remove sink.dataset',
      ),
    );
}

import { JsonObject } from '../../json';
import { isTruthyFlag } from '../../expand';
import type { ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { rule } from '../rule';

export const TEMPLATE_JSON = rule(
  'sesam/template-json',
  'error',
  'Every datatype template is valid JSON before rendering (placeholders only inside strings).',
);
export const TEMPLATE_SINK = rule(
  'sesam/template-sink',
  'error',
  'Pipes in an array template leave sink.dataset empty (the sink is named after the pipe).',
);

const users = (datatypes: readonly { datatype: string }[]) => datatypes.map((u) => u.datatype).join(', ');

/**
 * `sesam validate` reads every datatype's template as raw JSON, without rendering: it crashes on
 * invalid JSON, and in array templates a pipe with a truthy `sink.dataset` is an error (a `null`
 * sink crashes it). Single-object templates are not checked (see strict/sink-dataset).
 */
export function checkRawTemplates(view: ConnectorView): Finding[] {
  const findings: Finding[] = [];
  for (const template of view.templates.values()) {
    if (template.users.length === 0) continue;
    if (template.parseError) {
      const { line, column, pythonMessage } = template.parseError;
      findings.push(
        finding(
          TEMPLATE_JSON,
          { file: template.file, jsonPath: [], line },
          `not valid JSON before rendering (${pythonMessage}), so sesam validate crashes on it (datatypes ${users(template.users)}); see line ${line} column ${column}`,
          'put every {{@ … @}} placeholder inside a JSON string and fix the JSON syntax',
        ),
      );
      continue;
    }
    if (!Array.isArray(template.json)) continue;
    template.json.forEach((element, index) => {
      if (!(element instanceof JsonObject) || element.get('type') !== 'pipe' || !element.has('sink')) return;
      const sink = element.get('sink');
      if (!(sink instanceof JsonObject)) {
        findings.push(
          finding(
            TEMPLATE_SINK,
            { file: template.file, jsonPath: [index, 'sink'] },
            'sink is not an object, which crashes sesam validate',
            'make sink an object, or leave it out',
          ),
        );
      } else if (isTruthyFlag(sink.get('dataset'))) {
        findings.push(
          finding(
            TEMPLATE_SINK,
            { file: template.file, jsonPath: [index, 'sink', 'dataset'] },
            `sink.dataset should not have a value in ${template.file} (the sink dataset is named after the pipe)`,
            'remove sink.dataset',
          ),
        );
      }
    });
  }
  return findings;
}

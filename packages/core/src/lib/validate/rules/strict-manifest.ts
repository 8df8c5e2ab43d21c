import { templateStem } from '../../expand';
import { MANIFEST_FILE } from '../../layout';
import type { ConnectorView } from '../connector-view';
import { finding, type Finding } from '../finding';
import { rule } from '../rule';

export const TEMPLATE_NAME = rule(
  'strict/template-name',
  'error',
  'Every datatype template file is named after one of the datatypes using it (collapse round-trips only those).',
);
export const DATATYPE_NAME = rule(
  'strict/datatype-name',
  'error',
  "Datatype names are non-empty and contain no '-' or whitespace (pipe file names are split on '-').",
);

export function checkTemplateNames(view: ConnectorView): Finding[] {
  return [...view.templates.values()]
    .filter((template) => template.users.length > 0)
    .filter((template) => !template.users.some((user) => user.datatype === templateStem(user.template)))
    .map((template) => {
      const names = template.users.map((user) => user.datatype);
      return finding(
        TEMPLATE_NAME,
        { file: MANIFEST_FILE, jsonPath: ['datatypes', names[0], 'template'] },
        `${template.file} is used by datatype${names.length > 1 ? 's' : ''} ${names.join(', ')} but named after none of them, so sesam collapse (download) cannot write it back`,
        `rename it to templates/${names[0]}.json (and update the manifest)`,
      );
    });
}

export function checkDatatypeNames(view: ConnectorView): Finding[] {
  return view.datatypes
    .filter(({ name }) => name === '' || /[-\s]/.test(name))
    .map(({ name }) =>
      finding(
        DATATYPE_NAME,
        { file: MANIFEST_FILE, jsonPath: ['datatypes', name] },
        `datatype name ${JSON.stringify(name)} ${name === '' ? 'is empty' : "contains '-' or whitespace"}; the tools split pipe file names on '-'`,
        name === ''
          ? 'give the datatype a lowercase name without delimiters, e.g. "dealcompany"'
          : `use a lowercase name without delimiters, e.g. ${JSON.stringify(name.replace(/[-\s]+/g, '').toLowerCase())}`,
      ),
    );
}

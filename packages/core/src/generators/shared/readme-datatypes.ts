import { findDatatypePattern, withDefaults } from '@sesam-connectors/template-pack';
import { datatypeEntry, rawTemplatePath, type DatatypeRequest } from './datatype-request';

/**
 * The README's datatypes table sits between these markers so the datatype generator can add rows
 * to it later without touching the rest of the (user-owned) README.
 */
export const DATATYPES_TABLE_START = '<!-- datatypes:start -->';
export const DATATYPES_TABLE_END = '<!-- datatypes:end -->';

export const DATATYPES_TABLE_HEADER = ['| Datatype | Label | Pattern | Pipes |', '| --- | --- | --- | --- |'];

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The webhook pattern's default topics (from the template pack), with the datatype name put in. */
const defaultTopics = (name: string): string[] => {
  const pattern = findDatatypePattern('webhook');
  const topics = pattern ? withDefaults(pattern)['topics'] : undefined;
  return Array.isArray(topics) ? topics.map((t) => String(t).replace(/\{\{@\s*datatype\s*@\}\}/g, name)) : [];
};

const describe = (request: DatatypeRequest): string => {
  const share = request.share ? '; `-share` writes changes back' : '';
  switch (request.pattern) {
    case 'collect':
      return `collected by scanning the API${share}`;
    case 'webhook': {
      const topics = (request.topics?.length ? request.topics : defaultTopics(request.name)).map(
        (t) => `\`${t}\``,
      );
      return `collected by scanning and kept current by webhook events (${topics.join(', ')})${share}`;
    }
    case 'webhook-registry':
      return 'registers the webhooks of the webhook datatypes and removes stale ones';
    case 'share':
      return 'writes changes to the API (`-share` only)';
    case 'raw':
      return `verbatim template \`raw/${request.template ?? rawTemplatePath(request.name)}\``;
  }
};

/** One markdown table row for a datatype. */
export const datatypeTableRow = (request: DatatypeRequest): string => {
  const label = String(datatypeEntry(request)['label']);
  return `| \`${request.name}\` | ${cell(label)} | ${request.pattern} | ${cell(describe(request))} |`;
};

/** The whole table, markers included. */
export const datatypesTable = (requests: readonly DatatypeRequest[]): string =>
  [
    DATATYPES_TABLE_START,
    ...DATATYPES_TABLE_HEADER,
    ...requests.map(datatypeTableRow),
    DATATYPES_TABLE_END,
  ].join('\n');

/**
 * `readme` with rows added at the end of its datatypes table; undefined when the README has no
 * marked table (the user removed or rewrote it — then it is left alone).
 */
export const addDatatypeRows = (readme: string, requests: readonly DatatypeRequest[]): string | undefined => {
  const end = readme.indexOf(DATATYPES_TABLE_END);
  const start = readme.indexOf(DATATYPES_TABLE_START);
  if (start < 0 || end < start) return undefined;
  const rows = requests.map((request) => `${datatypeTableRow(request)}\n`).join('');
  return readme.slice(0, end) + rows + readme.slice(end);
};

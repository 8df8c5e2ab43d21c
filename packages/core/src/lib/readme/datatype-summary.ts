import { datatypePatterns } from '@sesam-connectors/template-pack';
import { resolveDatatype, type ConfigJson, type DatatypeConfig } from '../config';
import { JsonNumber } from '../json';

/** Text for one markdown table cell: `|` escaped, lines joined. */
export const tableCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** Inline code that survives backticks in the text. */
export const inlineCode = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
};

/** The options a datatype uses, with the pattern's defaults (for topics, share). */
const effectiveOptions = (datatype: DatatypeConfig) => resolveDatatype(datatype, datatypePatterns).options;

/** One sentence on what a datatype does, from its pattern and options. */
export function datatypePurpose(name: string, datatype: DatatypeConfig): string {
  if (datatype.reuse !== undefined) return `uses the template of ${inlineCode(datatype.reuse)}`;
  const options = effectiveOptions(datatype);
  const share = options['share'] === true ? '; `-share` writes changes back' : '';
  switch (datatype.pattern) {
    case 'collect':
      return `collected by scanning the API${share}`;
    case 'webhook': {
      const topics = Array.isArray(options['topics']) ? options['topics'] : [];
      const shown = topics.map((t) => inlineCode(String(t).replace(/\{\{@\s*datatype\s*@\}\}/g, name)));
      return `collected by scanning and kept current by webhook events (${shown.join(', ')})${share}`;
    }
    case 'webhook-registry':
      return 'registers the webhooks of the webhook datatypes and removes stale ones';
    case 'share':
      return 'writes changes to the API (`-share` only)';
    case 'raw':
      return `verbatim template ${inlineCode(`raw/${datatype.template ?? ''}`)}`;
  }
}

const MAX_VALUE = 40;

/** An option value, short: scalars as JSON, lists by their items, objects by their keys; long text cut. */
const shortValue = (value: ConfigJson): string => {
  const item = (v: ConfigJson): string =>
    typeof v === 'string'
      ? v
      : v instanceof JsonNumber
        ? v.lexeme
        : Array.isArray(v)
          ? `[${v.map(item).join(', ')}]`
          : v !== null && typeof v === 'object'
            ? `{${Object.keys(v).join(', ')}}`
            : String(v);
  const text = Array.isArray(value) ? value.map(item).join(', ') : item(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
};

/** The options connector.json sets for a datatype (the pattern's defaults are not repeated). */
export const optionsText = (datatype: DatatypeConfig): string =>
  Object.entries(datatype.options)
    .map(([key, value]) => `${key}: ${inlineCode(shortValue(value))}`)
    .join(', ');

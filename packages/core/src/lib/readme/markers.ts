/**
 * A connector README's generated section sits between these markers: what is outside them is the
 * user's and is kept byte for byte; what is inside is replaced whenever the section is written.
 */
export const README_SECTION_START =
  '<!-- generated:start — `npx nx sync` writes this section from connector.json; edit outside the markers -->';
export const README_SECTION_END = '<!-- generated:end -->';
/** The datatypes table markers of older generated READMEs: their table is replaced by the section. */
const LEGACY_START = '<!-- datatypes:start -->';
const LEGACY_END = '<!-- datatypes:end -->';
const START_PREFIX = '<!-- generated:start';

/** The text between the markers (body of a section as `readmeSection` writes it). */
const marked = (body: string): string => `${README_SECTION_START}\n${body}${README_SECTION_END}`;

/** The span [from, to) of a marked block (from the first `start` to the `end` after it), or undefined. */
export function markedSpan(
  text: string,
  start: string,
  end: string,
): { from: number; to: number } | undefined {
  const from = text.indexOf(start);
  if (from < 0) return undefined;
  const close = text.indexOf(end, from);
  return close < 0 ? undefined : { from, to: close + end.length };
}

/**
 * `readme` with its generated section set to `body`: the marked section (or an older README's
 * marked datatypes table) is replaced; a README without markers gets the section appended. A missing
 * README (`undefined`) becomes a title and the section.
 */
export function withReadmeSection(readme: string | undefined, body: string, title: string): string {
  if (readme === undefined) return `# ${title}\n\n${marked(body)}\n`;
  const at =
    markedSpan(readme, START_PREFIX, README_SECTION_END) ?? markedSpan(readme, LEGACY_START, LEGACY_END);
  if (at) return readme.slice(0, at.from) + marked(body) + readme.slice(at.to);
  const separator = readme === '' || readme.endsWith('\n\n') ? '' : readme.endsWith('\n') ? '\n' : '\n\n';
  return `${readme}${separator}${marked(body)}\n`;
}

/** An empty marked section, for README scaffolds that the generators fill in. */
export const EMPTY_README_SECTION = marked('');

/**
 * The review as ONE pull-request comment: a hidden marker on the first line (the workflow finds the
 * comment it posted before by it and updates that one instead of adding another), and a body cut
 * to fit GitHub's comment limit with a pointer to the full review (a workflow artifact).
 */

/** The first line of every review comment; invisible in the rendered comment. */
export const COMMENT_MARKER = '<!-- sesam-connectors:review -->';

/** GitHub refuses an issue or pull-request comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface CommentOptions {
  /** Where the full review is (the workflow artifact's URL). */
  readonly artifactUrl?: string;
  /** Maximum length of the whole body (default {@link GITHUB_COMMENT_LIMIT}). */
  readonly maxChars?: number;
}

const FENCE = /^\s*(```|~~~)/;

/** Open `<details>` blocks and whether a code fence is open, after each line. */
interface Open {
  readonly details: number;
  readonly fence: boolean;
}

const closing = (open: Open): string[] => [
  ...(open.fence ? ['```'] : []),
  ...Array.from({ length: open.details }, () => '</details>'),
];

/** The note that replaces what was cut. */
export const cutNote = (fullLength: number, artifactUrl: string | undefined): string =>
  [
    `> **The review is cut here**: it is ${fullLength.toLocaleString('en-US')} characters, and a GitHub comment holds at most ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}.`,
    artifactUrl
      ? `> The full review is the workflow artifact [connector-review](${artifactUrl}) (review.md).`
      : '> The full review is the workflow artifact connector-review (review.md) of this run.',
    '> Locally: `npm run review -- --base origin/main --format markdown`.',
  ].join('\n');

/**
 * Review markdown → the comment body. Under the limit: the marker and the review unchanged. Over
 * it: as many whole lines as fit, every `<details>` and code fence still open at the cut closed
 * again (so the rest of the page renders), then the note saying where the full text is.
 */
export function buildComment(markdown: string, options: CommentOptions = {}): string {
  const limit = options.maxChars ?? GITHUB_COMMENT_LIMIT;
  const review = markdown.trimEnd();
  const whole = `${COMMENT_MARKER}\n${review}\n`;
  if (whole.length <= limit) return whole;

  const note = cutNote(review.length, options.artifactUrl);
  const lines = review.split('\n');
  const states: Open[] = [];
  let open: Open = { details: 0, fence: false };
  for (const line of lines) {
    if (FENCE.test(line)) open = { ...open, fence: !open.fence };
    else if (!open.fence) {
      const opened = (line.match(/<details\b/g) ?? []).length;
      const closed = (line.match(/<\/details>/g) ?? []).length;
      open = { ...open, details: Math.max(0, open.details + opened - closed) };
    }
    states.push(open);
  }
  // Longest prefix of whole lines whose body, closing tags and note fit.
  let used = COMMENT_MARKER.length + 1;
  let kept = 0;
  for (; kept < lines.length; kept++) {
    const next = used + lines[kept]!.length + 1;
    const after = states[kept]!;
    const tail = closing(after).join('\n').length + note.length + 4;
    if (next + tail > limit) break;
    used = next;
  }
  const end = kept > 0 ? states[kept - 1]! : { details: 0, fence: false };
  const body = [COMMENT_MARKER, ...lines.slice(0, kept), ...closing(end), '', note, ''].join('\n');
  if (body.length > limit) throw new Error(`unreachable: the cut comment is ${body.length} characters`);
  return body;
}

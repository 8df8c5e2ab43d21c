import { Markup } from './py-values';

/**
 * Jinja's `select_autoescape()` with its defaults, applied to the template *name*: escaping is on
 * only for names ending (case-insensitively) in `.html`, `.htm` or `.xml`.
 */
export const autoescapeFor = (templateName: string): boolean => /\.(html|htm|xml)$/i.test(templateName);

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&#34;',
};

/** MarkupSafe's `escape`: `& < > ' "` become entities (`&#39;`, `&#34;` for the quotes). */
export function escapeHtml(text: string): Markup {
  return new Markup(text.replace(/[&<>'"]/g, (ch) => ESCAPES[ch]));
}

import { GeneratorError } from '../../shared/generator-error';

const VARIABLE = /\{\{@\s*[A-Za-z_][A-Za-z0-9_]*\s*@\}\}/g;
/** Checked with every `{{@ variable @}}` replaced by a NUL character: a scheme and host, or a leading variable. */
const ABSOLUTE = /^(https?:\/\/[^/\s]+|\0)/;

/**
 * The REST system's url_pattern from --baseUrl: operation URLs are put in at `%s`, so a base URL
 * without one gets `/%s` appended. It must start with http(s)://host or a `{{@ variable @}}`
 * (e.g. `{{@ base_url @}}/v2`), and may hold at most one `%s`.
 */
export const normalizeUrlPattern = (baseUrl: string | undefined, fallback: string): string => {
  const given = baseUrl?.trim();
  if (!given) return fallback;
  const bare = given.replace(VARIABLE, '\0');
  if (!ABSOLUTE.test(bare)) {
    throw new GeneratorError(
      `--baseUrl: "${given}" must start with http:// or https:// and a host, or with a {{@ variable @}} ` +
        `such as {{@ base_url @}}, e.g. https://api.example.com/v1.`,
    );
  }
  if (/\s/.test(bare)) {
    throw new GeneratorError(`--baseUrl: "${given}" contains white space.`);
  }
  const holes = given.split('%s').length - 1;
  if (holes > 1) {
    throw new GeneratorError(
      `--baseUrl: "${given}" has ${holes} '%s'; the operation URL goes in at exactly one.`,
    );
  }
  return holes === 1 ? given : `${given.replace(/\/+$/, '')}/%s`;
};

/** `https://api.example.com` for `https://api.example.com/v1/%s`; undefined when the host is a variable. */
export const urlOrigin = (urlPattern: string): string | undefined =>
  /^https?:\/\/[^/{}%]+/.exec(urlPattern)?.[0];

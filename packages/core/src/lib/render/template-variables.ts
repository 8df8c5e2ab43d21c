import { compileTemplate, JinjaError } from '../expand/jinja';
import { JINJA_GLOBALS } from '../expand/jinja/globals';

/** Expand-time names sesam-py defines itself: the system placeholder, the datatype and its parent. */
const SESAM_NAMES: readonly string[] = ['system', 'datatype', 'parent'];

/**
 * The expand-time variables (`{{@ name @}}`, also in `{{% … %}}` tags) the templates read that
 * neither sesam-py (system, datatype, parent, Jinja's globals) nor a datatype's `parameters` define:
 * what the manifest's `additional_parameters` must declare, sorted. A template that is not valid
 * expand-time Jinja is skipped (the validator reports it).
 */
export function templateVariables(
  templates: Iterable<readonly [file: string, text: string]>,
  parameters: Iterable<string>,
): string[] {
  const defined = new Set([...SESAM_NAMES, ...JINJA_GLOBALS.keys(), ...parameters]);
  const used = new Set<string>();
  for (const [file, text] of templates) {
    let names: ReadonlySet<string>;
    try {
      names = compileTemplate(text, file).contextNames;
    } catch (error) {
      if (error instanceof JinjaError) continue;
      throw error;
    }
    for (const name of names) if (!defined.has(name)) used.add(name);
  }
  return [...used].sort();
}

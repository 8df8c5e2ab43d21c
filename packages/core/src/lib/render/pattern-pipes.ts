import { withDefaults, type DatatypePattern, type PatternOptions } from '@sesam-connectors/template-pack';
import type { ConfigObject } from '../config/types';
import type { RenderedPipe } from './patches';
import { renderTemplate } from './render-template';
import type { LoadedTemplatePack } from './template-pack';

/**
 * The pipes a pattern makes for one datatype with these options (the pattern's defaults applied
 * here), in the pattern's order: the import's candidates.
 */
export function renderPatternPipes(
  pack: LoadedTemplatePack,
  pattern: DatatypePattern,
  datatype: string,
  given: ConfigObject,
  target: { connector: string; displayRoot?: string },
): RenderedPipe[] {
  return renderResolvedPipes(pack, { pattern, options: withDefaults(pattern, given) }, datatype, target);
}

/**
 * The pipes of a resolved datatype (its pattern and effective options, see `resolveDatatype`), in
 * the pattern's order: the one loop behind the build's `templates/<datatype>.json` and the import's
 * candidates.
 */
export function renderResolvedPipes(
  pack: LoadedTemplatePack,
  resolved: { readonly pattern: DatatypePattern; readonly options: PatternOptions },
  datatype: string,
  target: { connector: string; displayRoot?: string },
): RenderedPipe[] {
  const { pattern, options } = resolved;
  const derived = pattern.derive?.(options) ?? {};
  return pattern.pipes
    .filter((pipe) => pipe.when?.(options) ?? true)
    .map((pipe) => ({
      role: pipe.role,
      value: renderTemplate(
        pack,
        pipe.template,
        { datatype, options, derived, pipe: pipe.locals ?? {} },
        { connector: target.connector, datatype },
        { displayRoot: target.displayRoot },
      ),
    }));
}

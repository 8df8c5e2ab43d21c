/**
 * The one renderer: pack templates (ejs) → parsed JSON → canonical text, all in memory.
 */
export { renderConnectorFiles, type RenderConnectorInputs } from './render-connector';
export { renderPatternPipes } from './pattern-pipes';
export {
  renderTemplate,
  TemplateRenderError,
  type RenderTarget,
  type RenderTemplateOptions,
} from './render-template';
export { loadTemplatePack, templateFile, TemplatePackError, type LoadedTemplatePack } from './template-pack';
export { json } from './json-text';
export { PatchApplyError, type RenderedPipe } from './patches';
export { templateVariables } from './template-variables';

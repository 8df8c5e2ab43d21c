/**
 * @sesam-connectors/core: the Nx plugin. Every `packages/connectors/<system>/connector.json`
 * becomes a project `<system>-connector` with inferred targets (see ./plugins/connector-plugin.ts).
 */
export { createNodes, createNodesV2 } from './plugins/connector-plugin';
export const name = '@sesam-connectors/core';

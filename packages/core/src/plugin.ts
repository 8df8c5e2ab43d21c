/**
 * `@sesam-connectors/core/plugin`, the Nx plugin (registered in nx.json). Nx loads it for every
 * project graph, so it imports only the devkit, lib/layout and the target builders: never the
 * engine, ejs or ajv. Every `packages/connectors/<system>/connector.json`
 * becomes a project `<system>-connector` with inferred targets (see ./plugins/create-nodes.ts).
 */
export { createNodes, createNodesV2 } from './plugins/create-nodes';
export const name = '@sesam-connectors/core';

/**
 * A connector's data flow as a Mermaid flowchart: `connectorFlow(source)` reads a built connector
 * (manifest.json + templates/, expanded in memory) into a `ConnectorFlow`; `datatypeDiagram` and
 * `overviewDiagram` write it as Mermaid text; `diffFlows` marks what changed between two flows.
 */
export { connectorFlow, type ConnectorFlowOptions } from './connector-flow';
export { diffFlows } from './diff-flow';
export { datatypeDiagram, overviewDiagram, MERMAID_MAX_EDGES, type DiagramOptions } from './render-mermaid';
export {
  linkKey,
  refKey,
  type ConnectorFlow,
  type FlowLink,
  type FlowLinkKind,
  type FlowPipe,
  type FlowRef,
  type FlowStatus,
  type FlowSystem,
} from './model';

/**
 * `@sesam-connectors/core/testing`: test support for callers of the engine (as `@nx/devkit/testing`
 * is for Nx's). `parseMermaid` parses flowcharts with Mermaid itself (mermaid and jsdom are core's
 * devDependencies: this entry is for tests only).
 */
export { parseMermaid, type ParsedFlowchart, type ParseResult } from './lib/diagram/testing/mermaid-parse';

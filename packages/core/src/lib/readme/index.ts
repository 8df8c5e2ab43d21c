/**
 * A connector README's generated section: `readmeSection(config, files)` writes its body (datatypes,
 * patterns, options, node parameters and a Mermaid diagram per datatype); `withReadmeSection` puts it
 * between the markers and keeps every byte around them. Used by the `readme` generator (`nx sync`),
 * the datatype generator and `npm run check:fresh`.
 */
export { connectorReadme, readmeSection } from './readme-section';
export { withReadmeSection, EMPTY_README_SECTION, README_SECTION_START, README_SECTION_END } from './markers';

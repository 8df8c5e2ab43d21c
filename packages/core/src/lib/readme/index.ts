/**
 * A connector README's generated section: `readmeSection(config, files)` writes its body (datatypes,
 * patterns, options, node parameters and a Mermaid diagram per datatype); `withReadmeSection` puts it
 * between the markers and keeps every byte around them. Used by the `readme` generator (`nx sync`),
 * the datatype generator and `npm run check:fresh`. The workspace README's family table (`familyTable`,
 * one row per connector: auth, datatypes, patterns, patches left, validation) is kept the same way.
 */
export { connectorReadme, readmeSection } from './readme-section';
export { withReadmeSection, EMPTY_README_SECTION, README_SECTION_START, README_SECTION_END } from './markers';
export {
  familyMember,
  familyTable,
  withFamilyTable,
  hasFamilyTable,
  projectBuildValidates,
  projectBuildOptions,
  type ProjectBuildOptions,
  FAMILY_TABLE_START,
  FAMILY_TABLE_END,
  type FamilyMember,
} from './family-table';

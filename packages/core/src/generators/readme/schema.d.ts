export interface ReadmeGeneratorSchema {
  /** Only this connector (system or project name); default every connector. */
  connector?: string;
}

export interface ImportGeneratorSchema {
  /** The connector folder to import (manifest.json + templates/); relative to the current directory. Only read. */
  source: string;
  /** System name for the new package. Default: the folder name without `-connector` and `@<branch>`, lower-cased. */
  system?: string;
  /** Do not format the written connector.json and README.md with prettier. */
  skipFormat?: boolean;
  /** Copy every template verbatim (pattern raw), as file-by-file byte copies, instead of adopting the datatypes onto patterns. */
  verbatim?: boolean;
}
